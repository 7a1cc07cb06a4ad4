/// The session settings shared by `vnc-tcp` and `vnc-ws`, validated.
public struct GraphicalConsoleLimits: Sendable {
    /// Simultaneous sessions per server (BMCs allow few VNC clients).
    public let maxSessionsPerServer: Int
    /// No user input for this long ends a session; `nil` never does.
    public let idleTimeout: Duration?
    /// Connecting and logging in to the BMC, and the viewer's handshake, each within this.
    public let connectTimeout: Duration

    /// - Throws: `GraphicalConsoleConfigError` naming the setting.
    public init(maxSessionsPerServer: Int, idleTimeoutSeconds: Double, connectTimeoutSeconds: Double) throws {
        guard maxSessionsPerServer >= 1 else {
            throw GraphicalConsoleConfigError("maxSessionsPerServer must be at least 1, not \(maxSessionsPerServer)")
        }
        guard idleTimeoutSeconds.isFinite, idleTimeoutSeconds >= 0 else {
            throw GraphicalConsoleConfigError("idleTimeoutSeconds must be 0 (never) or more, not \(idleTimeoutSeconds)")
        }
        guard connectTimeoutSeconds.isFinite, connectTimeoutSeconds > 0, connectTimeoutSeconds <= 3600 else {
            throw GraphicalConsoleConfigError("connectTimeoutSeconds must be above 0 and at most 3600, not \(connectTimeoutSeconds)")
        }
        self.maxSessionsPerServer = maxSessionsPerServer
        idleTimeout = idleTimeoutSeconds == 0 ? nil : .milliseconds(Int64((idleTimeoutSeconds * 1000).rounded()))
        connectTimeout = .milliseconds(Int64((connectTimeoutSeconds * 1000).rounded()))
    }
}
