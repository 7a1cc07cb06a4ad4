import Kernel
import RFB
import Testing
import VNCTesting

/// What a viewer sees when the agent refuses or ends its session.
enum Refusal {
    /// Runs the viewer handshake and expects the agent's RFB failure; returns its reason and
    /// the bus error the stream then ended with, and every byte the viewer received.
    static func expectRefused(_ duplex: Duplex) async throws -> (reason: String, error: BusError?, received: [UInt8]) {
        let client = RFBTestClient(duplex)
        var reason = ""
        do {
            _ = try await client.handshake()
            Issue.record("the handshake succeeded")
        } catch RFBHandshakeError.authenticationFailed(let text) {
            reason = text
        }
        let ending = await client.readToEnd()
        return (reason, ending.error as? BusError, client.transcript)
    }

    /// The code of a `BusError.remote`, or nil.
    static func code(_ error: BusError?) -> String? {
        if case .remote(let code, _) = error { return code }
        return nil
    }
}
