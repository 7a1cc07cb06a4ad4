import GRPCCore
import Kernel
import TetherAPIProto

extension GatewayError {
    /// The gRPC form of the refusal: the status matching its HTTP status, its message, and
    /// its stable code in the trailers.
    var rpcError: RPCError {
        GRPCStatusMapping.error(httpStatus: Int(status.code), code: code, message: message)
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
