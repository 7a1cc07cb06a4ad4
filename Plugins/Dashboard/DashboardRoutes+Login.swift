import API
import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import WebUI

/// Sign-in with a local password or the manager's OIDC provider, and sign-out. The login
/// token stays in the dashboard; the browser gets an opaque session ID in an HttpOnly cookie.
extension DashboardRoutes {
    static let maximumFormBytes = 8192

    func registerLogin(on router: Router<APIRequestContext>) {
        router.get("login") { request, _ in
            if let id = SessionCookie.value(SessionCookie.session, in: request.headers), RandomID.isPlausible(id), await sessions.session(id) != nil {
                return Self.redirect("/servers")
            }
            return DashboardPages.html(DashboardPages.login(sso: oidcRedirectURI != nil))
        }
        router.post("login") { request, context in try await login(request, context) }
        router.post("logout") { request, _ in
            try RequestGuard.requireSameOrigin(request.headers, authority: request.head.authority)
            if let id = SessionCookie.value(SessionCookie.session, in: request.headers) { await sessions.remove(id) }
            return Self.redirect("/login", cookie: SessionCookie.clear(SessionCookie.session))
        }
        router.get("login/sso") { _, _ in try await startSSO() }
        router.get("oidc/callback") { request, context in try await finishSSO(request, context) }
    }

    func login(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try RequestGuard.requireSameOrigin(request.headers, authority: request.head.authority)
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw DashboardRefusal.badRequest("send the sign-in form")
        }
        let body = try await request.body.collect(upTo: Self.maximumFormBytes)
        let form = FormBody.parse(String(buffer: body))
        let username = form["username"] ?? ""
        let password = form["password"] ?? ""
        let sso = oidcRedirectURI != nil
        guard !username.isEmpty, !password.isEmpty, username.count <= 200, password.count <= 1000 else {
            return DashboardPages.html(DashboardPages.login(error: "Enter your user name and password.", username: username, sso: sso), status: .badRequest)
        }
        let issued: Manager.IssuedToken
        do {
            issued = try await bus.ask(Manager.Login(username: username, password: password, source: context.sourceAddress), timeout: timeout)
        } catch BusError.remote(let code, let message) {
            let status: HTTPResponse.Status = code == "invalid-credentials" ? .unauthorized : code == "rate-limited" ? .tooManyRequests : .serviceUnavailable
            let text = code == "invalid-credentials" ? "Wrong user name or password." : message
            return DashboardPages.html(DashboardPages.login(error: text, username: username, sso: sso), status: status)
        } catch {
            return DashboardPages.html(
                DashboardPages.login(error: "The manager cannot check your password right now; retry shortly.", username: username, sso: sso),
                status: .serviceUnavailable)
        }
        do {
            return try await startSession(issued, context: context) { cookie in Self.redirect("/servers", cookie: cookie) }
        } catch let refusal as DashboardRefusal where refusal.status == .forbidden {
            return DashboardPages.html(DashboardPages.login(error: refusal.message, username: username, sso: sso), status: .forbidden)
        }
    }

    /// Creates the session for a login token if its holder may use the dashboard.
    func startSession(_ issued: Manager.IssuedToken, context: APIRequestContext, respond: (String) -> Response) async throws -> Response {
        let who = try await ask(Manager.Authenticate(loginToken: issued.token, action: "dashboard.login", source: context.sourceAddress))
        guard let user = SignedInUser(who) else {
            throw DashboardRefusal.forbidden("the dashboard is for superadmins and tenant administrators; \(who.name) is neither")
        }
        let session = await sessions.create(loginToken: issued.token, expiresAt: issued.expiresAt, user: user)
        return respond(SessionCookie.set(SessionCookie.session, session.id, expiresAt: issued.expiresAt, now: now()))
    }

    /// Sends the browser to the provider; the `state` is bound to this browser by a cookie.
    func startSSO() async throws -> Response {
        guard let oidcRedirectURI else {
            throw DashboardRefusal(status: .notFound, title: "Not found", message: "single sign-on is not configured for this dashboard")
        }
        let start = try await ask(Manager.OIDCStart(redirectURI: oidcRedirectURI))
        // Lax, not Strict: the provider's redirect back is a cross-site navigation.
        let cookie = "\(SessionCookie.oidcState)=\(start.state); Path=/oidc/callback; Max-Age=600; HttpOnly; Secure; SameSite=Lax"
        return Response(status: .found, headers: [.location: start.authorizationURL, .setCookie: cookie, .cacheControl: "no-store"])
    }

    /// The provider's redirect back: finishes the login at the manager, then continues to the
    /// servers through a page of this origin, so the Strict session cookie is sent.
    func finishSSO(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        if let error = query["error"] { throw DashboardRefusal.forbidden("the identity provider refused the login: \(String(error).prefix(100))") }
        guard let code = query["code"].map(String.init), let state = query["state"].map(String.init), !code.isEmpty, !state.isEmpty else {
            throw DashboardRefusal.badRequest("code and state are required")
        }
        guard SessionCookie.value(SessionCookie.oidcState, in: request.headers) == state else {
            throw DashboardRefusal.forbidden("this sign-in was not started in this browser; start it again from the sign-in page")
        }
        let issued = try await ask(Manager.OIDCFinish(code: code, state: state, source: context.sourceAddress))
        return try await startSession(issued, context: context) { cookie in
            var headers: HTTPFields = [.setCookie: cookie]
            headers.append(HTTPField(name: .setCookie, value: "\(SessionCookie.oidcState)=; Path=/oidc/callback; Max-Age=0; HttpOnly; Secure; SameSite=Lax"))
            return DashboardPages.html(DashboardPages.signedIn(), headers: headers)
        }
    }
}
