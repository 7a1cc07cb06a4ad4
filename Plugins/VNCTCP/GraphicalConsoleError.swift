import Kernel

/// Why a graphical console session could not start or ended early. Crosses the bus as
/// `BusError.remote(code:message:)`; messages never contain a BMC password.
public struct GraphicalConsoleError: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable word: `unknown-server`, `too-many-sessions`, `bmc-auth-failed`,
    /// `bmc-password-missing`, `bmc-password-unreadable`, `bmc-refused`, `bmc-unsupported`,
    /// `bmc-unreachable`, `bmc-timeout`, `bmc-protocol-error`, `bmc-closed`,
    /// `viewer-protocol-error`, `idle-timeout`.
    public let code: String
    /// What failed and what to do.
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func unknownServer(_ server: String, configured: [String]) -> Self {
        .init(code: "unknown-server", message: "no graphical console is configured for server \(server) here; configured: "
            + (configured.isEmpty ? "none" : configured.sorted().joined(separator: ", ")))
    }

    static func tooManySessions(_ server: String, limit: Int) -> Self {
        .init(code: "too-many-sessions", message: "too many graphical sessions on \(server) (limit \(limit))")
    }

    static func passwordUnreadable(_ server: String, path: String) -> Self {
        .init(code: "bmc-password-unreadable",
              message: "cannot read the VNC passwordFile \(path) of server \(server); check that it exists and is readable")
    }
}
