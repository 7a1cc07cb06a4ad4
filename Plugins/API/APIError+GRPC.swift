import GRPCCore
import TetherAPIProto

extension APIError {
    /// The gRPC form of the error: the status matching its HTTP status, the REST message,
    /// the stable code in the trailers (and `retry-after` when REST sends `Retry-After`).
    var rpcError: RPCError {
        var extra: Metadata = [:]
        if let retryAfter = headers[.retryAfter] { extra.addString(retryAfter, forKey: "retry-after") }
        return GRPCStatusMapping.error(httpStatus: Int(status.code), code: code, message: message, metadata: extra)
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
