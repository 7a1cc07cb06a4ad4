import Hummingbird

/// Turns every failure (bus errors, `auth` refusals, Hummingbird's own) into a JSON error.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            throw APIError(error.status, code: error.status == .notFound ? "not-found" : "bad-request", error.body ?? error.status.reasonPhrase)
        } catch {
            throw APIError.from(error)
        }
    }
}
