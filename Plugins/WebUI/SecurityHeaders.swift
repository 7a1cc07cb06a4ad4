import Hummingbird

/// The headers every answer carries: a strict Content-Security-Policy (scripts and styles
/// only from this origin, no inline code; WebSockets only to the gateway), no framing, no
/// referrer (the URL holds the session ID), no MIME sniffing.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    let policy: String

    init(gatewayURL: String, gatewayWebSocketURL: String) {
        policy = [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self' \(gatewayWebSocketURL) \(gatewayURL)", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        return response
    }
}
