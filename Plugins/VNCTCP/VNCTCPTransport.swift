import Logging
import NIOCore
import RFB

/// RFB over TCP to a BMC's VNC server.
struct VNCTCPTransport: GraphicalConsoleTransport {
    let host: String
    let port: Int

    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    func withSession(
        password: String?,
        connectTimeout: Duration,
        logger: Logger,
        _ relay: (RFBBMCStream) async throws -> RFBRelayStatistics
    ) async throws -> RFBRelayStatistics {
        let timeout = connectTimeout.timeAmount
        let session = try await RFBBMCConnection.connect(
            .init(host: host, port: port, password: password, connectTimeout: timeout, handshakeTimeout: timeout),
            logger: logger
        )
        return try await session.withStream(relay)
    }
}
