import Logging
import RFB

/// How a plugin reaches one BMC's VNC server (RFB over TCP, RFB over WebSocket).
public protocol GraphicalConsoleTransport: Sendable {
    /// Where the VNC server is, for messages (`10.0.0.5:5900`, `wss://bmc/kvm/0`).
    var endpoint: String { get }

    /// Connects, logs in with `password` (the VNC login, done here), runs `relay` with the
    /// session and closes the connection. An error before `relay` runs is a login failure
    /// (`RFBHandshakeError` or a connection error); `relay`'s errors pass through.
    func withSession(
        password: String?,
        connectTimeout: Duration,
        logger: Logger,
        _ relay: (RFBBMCStream) async throws -> RFBRelayStatistics
    ) async throws -> RFBRelayStatistics
}
