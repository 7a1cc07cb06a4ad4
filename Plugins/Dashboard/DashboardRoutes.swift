import API
import Auth
import Foundation
import Hummingbird
import Kernel
import WebUI

/// The dashboard's routes: sign-in and sign-out, the servers, infrastructure and audit pages
/// (each asks the manager with the session's login token, so the manager's authorization
/// decides what is shown), the console links and the static files.
struct DashboardRoutes: Sendable {
    let bus: Bus
    let sessions: LoginSessionStore
    let launcher: ConsoleLauncher
    let gateways: [String: String]
    let oidcRedirectURI: String?
    let auditPageSize: Int
    let timeout: Duration
    let now: @Sendable () -> Date

    func register(on router: Router<APIRequestContext>) {
        router.get("healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/") { _, _ in Self.redirect("/servers") }
        registerLogin(on: router)
        router.get("servers") { request, context in try await signedIn(request, context) { session in try await servers(request, context, session) } }
        router.get("gateways") { request, context in try await signedIn(request, context) { session in try await infrastructure(context, session) } }
        router.get("audit") { request, context in try await signedIn(request, context) { session in try await audit(request, context, session) } }
        router.get("servers/:id/console") { request, context in
            try RequestGuard.requireSameSiteNavigation(request.headers)
            return try await signedIn(request, context) { session in try await console(request, context, session) }
        }
        let files: [(String, String, String)] = [
            ("static/tether.css", "text/css; charset=utf-8", StyleSheet.source),
            ("static/dashboard.css", "text/css; charset=utf-8", DashboardStyleSheet.source),
            ("static/dashboard.js", "text/javascript; charset=utf-8", DashboardScript.source),
        ]
        for (path, type, text) in files {
            router.get(RouterPath(path)) { _, _ in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }
    }

    func servers(_ request: Request, _ context: APIRequestContext, _ session: LoginSession) async throws -> Response {
        let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
        let filter = try ServerFilter(query: query)
        let reply = try await ask(Manager.ListServers(loginToken: session.loginToken, source: context.sourceAddress))
        return DashboardPages.html(DashboardPages.servers(reply.servers, filter: filter, user: session.user, now: now()))
    }

    func infrastructure(_ context: APIRequestContext, _ session: LoginSession) async throws -> Response {
        async let gateways = listing { try await ask(Manager.ListGateways(loginToken: session.loginToken, source: context.sourceAddress)).gateways }
        async let agents = listing { try await ask(Manager.ListAgents(loginToken: session.loginToken, source: context.sourceAddress)).agents }
        return DashboardPages.html(DashboardPages.infrastructure(gateways: try await gateways, agents: try await agents, user: session.user, now: now()))
    }

    func audit(_ request: Request, _ context: APIRequestContext, _ session: LoginSession) async throws -> Response {
        let page = try AuditPage(query: request.uri.queryParameters["before"].map(String.init), size: auditPageSize)
        let reply = try await ask(Manager.QueryAudit(loginToken: session.loginToken, beforeID: page.before, limit: page.limit, source: context.sourceAddress))
        let (shown, older) = page.split(reply.events)
        return DashboardPages.html(DashboardPages.audit(shown, page: page, older: older, user: session.user))
    }

    /// Asks the manager for a session token for the server (its authorization decides) and
    /// the server's gateway for a viewer link, then sends the browser there.
    func console(_ request: Request, _ context: APIRequestContext, _ session: LoginSession) async throws -> Response {
        let server = try context.parameters.require("id")
        guard let type = request.uri.queryParameters["type"].flatMap({ ConsoleType(rawValue: String($0)) }) else {
            throw DashboardRefusal.badRequest("type must be serial or vnc")
        }
        let issued = try await ask(
            Manager.IssueSessionToken(loginToken: session.loginToken, server: server, actions: nil, source: context.sourceAddress))
        guard let gatewayURL = gateways[issued.gateway] ?? issued.gatewayURL else {
            throw DashboardRefusal.unavailable(
                "the dashboard does not know the URL of gateway \(issued.gateway): add it to the dashboard's gateways setting")
        }
        let viewer = try await launcher.open(gatewayURL: gatewayURL, server: server, type: type, sessionToken: issued.token.token)
        return Response(status: .seeOther, headers: [.location: viewer, .cacheControl: "no-store"])
    }

    /// Runs `body` for a signed-in browser; others are sent to the sign-in page. The login
    /// token is refreshed once half of its lifetime has passed.
    func signedIn(_ request: Request, _ context: APIRequestContext, _ body: (LoginSession) async throws -> Response) async throws -> Response {
        guard let id = SessionCookie.value(SessionCookie.session, in: request.headers), RandomID.isPlausible(id),
              var session = await sessions.session(id)
        else { return Self.redirect("/login") }
        var cookie: String?
        if session.needsRefresh(now: now()),
           let fresh = try? await bus.ask(Manager.Refresh(loginToken: session.loginToken, source: context.sourceAddress), timeout: timeout) {
            await sessions.renew(id, loginToken: fresh.token, expiresAt: fresh.expiresAt)
            session.loginToken = fresh.token
            session.expiresAt = fresh.expiresAt
            cookie = SessionCookie.set(SessionCookie.session, id, expiresAt: fresh.expiresAt, now: now())
        }
        do {
            var response = try await body(session)
            if let cookie { response.headers[.setCookie] = cookie }
            return response
        } catch BusError.remote("invalid-token", _) {
            await sessions.remove(id)
            return Self.redirect("/login", cookie: SessionCookie.clear(SessionCookie.session))
        }
    }

    /// Asks the manager; its refusals become pages (the manager's message says why).
    func ask<R: Kernel.Request>(_ request: R) async throws -> R.Reply {
        do {
            return try await bus.ask(request, timeout: timeout)
        } catch BusError.remote(let code, let message) where code != "invalid-token" {
            switch code {
            case "denied": throw DashboardRefusal.forbidden(message)
            case "not-found": throw DashboardRefusal(status: .notFound, title: "Not found", message: message)
            case "bad-request": throw DashboardRefusal.badRequest(message)
            default: throw DashboardRefusal.unavailable("\(code): \(message)")
            }
        } catch let error as BusError {
            if case .remote = error { throw error }
            throw DashboardRefusal.unavailable("the manager cannot answer right now (\(error)); retry shortly")
        }
    }

    /// A list for the infrastructure page, or why it is missing.
    func listing<Row: Sendable>(_ body: () async throws -> [Row]) async throws -> DashboardPages.Listing<Row> {
        do {
            return .rows(try await body())
        } catch let refusal as DashboardRefusal where refusal.status == .forbidden {
            return .unavailable("Not shown to you: \(refusal.message)")
        } catch let refusal as DashboardRefusal where refusal.message.contains("no route") {
            return .unavailable("The manager runs no inventory plugin, so gateways and agents are not known here yet.")
        }
    }

    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}
