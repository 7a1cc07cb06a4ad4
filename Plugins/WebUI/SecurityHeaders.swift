import Hummingbird

/// The headers every answer carries: a strict Content-Security-Policy (scripts and styles
/// only from this origin, no inline code; WebSockets only to the gateway), no framing, no
/// referrer (the URL holds the session ID), no MIME sniffing. Shared with the manager's
/// `dashboard`.
public struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    let policy: String
    let referrerPolicy: String

    init(gatewayURL: String, gatewayWebSocketURL: String) {
        self.init(connectSources: [gatewayWebSocketURL, gatewayURL])
    }

    /// The policy with `connect-src 'self'` plus `connectSources`. `referrerPolicy`: keep
    /// `no-referrer` where URLs hold secrets; Chrome then sends `Origin: null` on form posts.
    public init(connectSources: [String], referrerPolicy: String = "no-referrer") {
        self.referrerPolicy = referrerPolicy
        policy = [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            (["connect-src 'self'"] + connectSources).joined(separator: " "), "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = referrerPolicy
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        return response
    }
}
