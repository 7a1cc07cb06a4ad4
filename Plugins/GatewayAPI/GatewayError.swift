import Hummingbird
import Kernel

/// A refusal the gateway sends to a client: an HTTP status, a stable code and a message that
/// says what failed and what to do. The body is `{"error": code, "message": text}`.
struct GatewayError: CodedError, Equatable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    static func unauthenticated(_ message: String) -> Self { .init(status: .unauthorized, code: "unauthenticated", message: message) }
    static func denied(_ message: String) -> Self { .init(status: .forbidden, code: "denied", message: message) }
    static func notFound(_ message: String) -> Self { .init(status: .notFound, code: "not-found", message: message) }
    static func badRequest(_ message: String) -> Self { .init(status: .badRequest, code: "bad-request", message: message) }
    static func payloadTooLarge(limit: Int) -> Self {
        .init(status: .contentTooLarge, code: "payload-too-large", message: "the request body is larger than \(limit) bytes (maxBodyBytes)")
    }
    static func timeout(_ message: String) -> Self { .init(status: .gatewayTimeout, code: "timeout", message: message) }
    static func tooManySessions(server: String, limit: Int) -> Self {
        .init(
            status: .tooManyRequests, code: "too-many-sessions",
            message: "\(server) already has \(limit) open consoles through this gateway (maxConsoleSessionsPerServer); close one and retry")
    }
}
