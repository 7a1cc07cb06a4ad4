import Logging
import RFB
import VNCTCP

/// RFB over WebSocket to a BMC (QEMU's `websocket=`, websockify, KVM endpoints).
struct VNCWSTransport: GraphicalConsoleTransport {
    let url: String

    var endpoint: String { url }

    func withSession(
        password: String?,
        connectTimeout: Duration,
        logger: Logger,
        _ relay: (RFBBMCStream) async throws -> RFBRelayStatistics
    ) async throws -> RFBRelayStatistics {
        try await WebSocketBMCConnection.withConnection(url: url, logger: logger) { connection in
            // The WebSocket transport cannot run VeNCrypt's TLS inside the stream.
            let bmc = try await RFBStreamLogin.login(
                over: connection,
                configuration: RFBClientHandshake.Configuration(password: password, allowsVeNCryptTLS: false),
                timeout: connectTimeout,
                logger: logger
            )
            return try await relay(bmc)
        }
    }
}
