import Hummingbird
import Logging
import NIOCore

/// Gives every failure, the router's own included, the JSON error shape.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as GatewayError {
            return error.response
        } catch let error as HTTPError where error.status == .notFound {
            return GatewayError.notFound("no endpoint \(request.method) \(request.uri.path); the endpoints are listed in /openapi.json").response
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return GatewayError.payloadTooLarge(limit: maxBodyBytes).response
        } catch let error as HTTPError {
            return GatewayError(status: error.status, code: "http-\(error.status.code)", message: error.body ?? error.status.reasonPhrase).response
        } catch is NIOTooManyBytesError {
            return GatewayError.payloadTooLarge(limit: maxBodyBytes).response
        } catch {
            context.logger.error("request failed", metadata: ["gateway.path": "\(request.uri.path)", "error": "\(error)"])
            return GatewayError(status: .internalServerError, code: "internal", message: "the gateway failed; the error is in its log").response
        }
    }
}
