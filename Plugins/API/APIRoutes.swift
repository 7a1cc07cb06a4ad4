import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Logging
import NIOCore

/// The HTTP routes and how each maps onto a bus request to `auth`.
struct APIRoutes: Sendable {
    let bus: Bus
    let maxBodyBytes: Int
    let timeout: Duration
    var auditStream = AuditStreamSettings()
    var logger = Logger(label: "api")

    func router() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIErrorMiddleware())
        router.post("/v1/login") { request, context in try await login(request, context) }
        router.get("/v1/oidc/start") { request, context in try await oidcStart(request, context) }
        router.get("/v1/oidc/callback") { request, context in try await oidcCallback(request, context) }
        router.post("/v1/oidc/callback") { request, context in try await oidcCallbackPost(request, context) }
        router.post("/v1/token/refresh") { request, context in try await refresh(request, context) }
        router.get("/v1/servers") { request, context in try await listServers(request, context) }
        router.get("/v1/servers/:id") { request, context in try await showServer(request, context) }
        router.post("/v1/servers/:id/session-token") { request, context in try await sessionToken(request, context) }
        registerAudit(on: router)
        registerOwnership(on: router)
        registerInventory(on: router)
        registerEnrolment(on: router)
        registerAgentRevocation(on: router)
        router.get("/.well-known/jwks.json") { _, _ in try await Self.json(bus.ask(Manager.JWKS(), timeout: timeout)) }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        return router
    }

    func login(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var request = request
        let body = try await StrictJSON.decode(LoginBody.self, from: &request, limit: maxBodyBytes)
        let reply = try await bus.ask(Manager.Login(username: body.username, password: body.password, source: context.sourceAddress), timeout: timeout)
        return try Self.json(reply)
    }

    func refresh(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var request = request
        let token = try Self.bearer(request)
        _ = try await StrictJSON.decode(EmptyBody.self, from: &request, limit: maxBodyBytes)
        return try Self.json(try await bus.ask(Manager.Refresh(loginToken: token, source: context.sourceAddress), timeout: timeout))
    }

    func sessionToken(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var request = request
        let token = try Self.bearer(request)
        let server = try context.parameters.require("id")
        let body = try await StrictJSON.decode(SessionTokenBody.self, from: &request, limit: maxBodyBytes)
        let reply = try await bus.ask(
            Manager.IssueSessionToken(loginToken: token, server: server, actions: body.actions, source: context.sourceAddress), timeout: timeout)
        return try Self.json(reply)
    }

    func listServers(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let token = try Self.bearer(request)
        return try Self.json(try await bus.ask(Manager.ListServers(loginToken: token, source: context.sourceAddress), timeout: timeout))
    }

    func showServer(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let token = try Self.bearer(request)
        let server = try context.parameters.require("id")
        return try Self.json(try await bus.ask(Manager.ShowServer(loginToken: token, server: server, source: context.sourceAddress), timeout: timeout))
    }

    /// With `redirect_uri` (a CLI's loopback address): JSON with the URL. Without: a 302 for a browser.
    func oidcStart(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let redirect = request.uri.queryParameters["redirect_uri"].map(String.init)
        let reply = try await bus.ask(Manager.OIDCStart(redirectURI: redirect), timeout: timeout)
        if redirect != nil { return try Self.json(reply) }
        return Response(status: .found, headers: [.location: reply.authorizationURL, .cacheControl: "no-store"])
    }

    func oidcCallback(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        if let error = query["error"] {
            throw APIError(.badRequest, code: "oidc-failed", "the provider refused the login: \(String(error).prefix(100))")
        }
        guard let code = query["code"], let state = query["state"] else {
            throw APIError(.badRequest, code: "bad-request", "code and state query parameters are required")
        }
        let reply = try await bus.ask(Manager.OIDCFinish(code: String(code), state: String(state), source: context.sourceAddress), timeout: timeout)
        return try Self.json(reply)
    }

    func oidcCallbackPost(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var request = request
        let body = try await StrictJSON.decode(OIDCCallbackBody.self, from: &request, limit: maxBodyBytes)
        let reply = try await bus.ask(Manager.OIDCFinish(code: body.code, state: body.state, source: context.sourceAddress), timeout: timeout)
        return try Self.json(reply)
    }

    static func bearer(_ request: Request) throws -> String {
        try bearer(authorization: request.headers[.authorization])
    }

    /// The token of an `Authorization: Bearer TOKEN` header or gRPC metadata value.
    static func bearer(authorization header: String?) throws -> String {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw APIError(.unauthorized, code: "unauthenticated", "send the login token as Authorization: Bearer TOKEN")
        }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    static func integer(_ text: String?, name: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw APIError(.badRequest, code: "bad-request", "\(name) must be an integer") }
        return value
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder.api.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
