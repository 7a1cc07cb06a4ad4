import Kernel

/// Why the `session` plugin refused a request; crosses the bus with its code.
public struct SessionError: CodedError, Equatable {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    static func unauthenticated(_ message: String) -> Self { .init(code: "unauthenticated", message: message) }
    static func denied(_ message: String) -> Self { .init(code: "denied", message: message) }
    static func badRequest(_ message: String) -> Self { .init(code: "bad-request", message: message) }
    static func unavailable(_ message: String) -> Self { .init(code: "unavailable", message: message) }

    static let sessionGone = unauthenticated(
        "the console session is unknown, ended or expired; open a new viewer link (POST /v1/servers/{id}/sessions)")

    static func tooManySessions(server: String, limit: Int) -> Self {
        .init(
            code: "too-many-sessions",
            message: "\(server) already has \(limit) live sessions on this gateway (maxSessionsPerServer); end one or wait for it to expire")
    }
}
