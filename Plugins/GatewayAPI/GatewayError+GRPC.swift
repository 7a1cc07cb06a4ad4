import GRPCCore
import Kernel

extension GatewayError {
    /// The trailing metadata key that carries the stable code (`denied`, `too-many-sessions`...).
    static let grpcCodeKey = "tether-error"

    /// The gRPC form of the refusal: the status matching its HTTP status, its message, and
    /// its stable code in the trailers.
    var rpcError: RPCError {
        RPCError(code: grpcCode, message: message, metadata: [Self.grpcCodeKey: .string(code)])
    }

    /// The gRPC status code for the HTTP status.
    var grpcCode: RPCError.Code {
        switch status.code {
        case 400: .invalidArgument
        case 401: .unauthenticated
        case 403: .permissionDenied
        case 404: .notFound
        case 409: .aborted
        case 413, 429: .resourceExhausted
        case 501: .unimplemented
        case 503: .unavailable
        case 504: .deadlineExceeded
        case 500: .internalError
        default: .unknown
        }
    }

    /// Runs one gRPC handler's work; every error leaves as an `RPCError` with the status and
    /// message the REST API would give.
    static func answeringRPC<T>(_ topic: Topic, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError {
            throw error
        } catch {
            throw GatewayError.from(error, asking: topic).rpcError
        }
    }
}
