import GRPCCore

extension APIError {
    /// The trailing metadata key that carries the stable code (`invalid-token`, `denied`...),
    /// as the gateway's gRPC API does.
    static let grpcCodeKey = "tether-error"

    /// The gRPC form of the error: the status matching its HTTP status, the REST message,
    /// the stable code in the trailers (and `retry-after` when REST sends `Retry-After`).
    var rpcError: RPCError {
        var metadata: Metadata = [Self.grpcCodeKey: .string(code)]
        if let retryAfter = headers[.retryAfter] { metadata.addString(retryAfter, forKey: "retry-after") }
        return RPCError(code: grpcCode, message: message, metadata: metadata)
    }

    /// The gRPC status code for the HTTP status.
    var grpcCode: RPCError.Code {
        switch status.code {
        case 400: .invalidArgument
        case 401: .unauthenticated
        case 403: .permissionDenied
        case 404: .notFound
        case 409: .failedPrecondition
        case 413, 429: .resourceExhausted
        case 502, 503: .unavailable
        case 504: .deadlineExceeded
        default: .internalError
        }
    }

    /// Runs one gRPC handler's work; every error leaves as an `RPCError` with the status,
    /// message and code the REST API would give.
    static func answeringRPC<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError {
            throw error
        } catch {
            throw APIError.from(error).rpcError
        }
    }
}
