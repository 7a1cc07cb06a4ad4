import Contracts
import Foundation
import Hummingbird
import Kernel

/// Browser console sessions: `POST /v1/servers/{id}/sessions` (bearer token only) creates one
/// and answers its one-time viewer URL; `GET` lists the server's live sessions; `DELETE
/// /v1/servers/{id}/sessions/{session}` ends one (its creator, or its own cookie). Served by
/// the `session` plugin on this node.
struct SessionEndpoints: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let timeout: Duration
    let maxBodyBytes: Int

    func register(on router: Router<BasicRequestContext>) {
        let sessions = router.group("v1/servers/:id/sessions")
        sessions.post { request, context in try await self.create(request, context) }
        sessions.get { request, context in try await self.list(request, context) }
        sessions.delete(":session") { request, context in try await self.end(request, context) }
    }

    func create(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        guard case .bearer(let token)? = try Credential.find(in: request.headers) else {
            throw GatewayError.unauthenticated("creating a console session takes \"Authorization: Bearer <token>\"; a session cannot create another")
        }
        let bytes = try await request.collectBody(limit: maxBodyBytes)
        let body = try JSONObjectReader(bytes, allowed: ["type"], example: #"{"type": "serial"}"#)
        let kind = try body.requiredCase("type", of: Session.Kind.self)
        _ = try await authorizer.authorize(request.headers, kind.action, on: server)
        let created: Session.Create.Reply = try await ask(Session.Create(server: server, kind: kind, token: token))
        return try JSONResponse.make(
            SessionCreated(
                id: created.session.id, server: server, type: kind.rawValue, viewerURL: created.viewerURL,
                expiresAt: created.codeExpiresAt, sessionExpiresAt: created.session.expiresAt),
            status: .created)
    }

    func list(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        _ = try await authorizer.authorize(request.headers, .view, on: server)
        let reply: Session.List.Reply = try await ask(Session.List(server: server))
        return try JSONResponse.make(SessionList(sessions: reply.sessions.map(SessionList.Entry.init)))
    }

    /// The creator (same subject, same server) or the session's own cookie may end it.
    func end(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        let id = try context.parameters.require("session")
        let caller = try await authorizer.authorize(request.headers, .view, on: server)
        let session: Session.Resolve.Reply
        do {
            session = try await bus.ask(Session.Resolve(id: id), timeout: timeout)
        } catch {
            throw GatewayError.from(error, asking: Session.Resolve.topic).withNotFound(for: id)
        }
        guard session.session.server == server, session.principal.subject == caller.subject else {
            throw GatewayError.notFound("no live console session \(id.prefix(32)) of yours on \(server)")
        }
        _ = try await ask(Session.End(id: id))
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }

    private func ask<R: Kernel.Request>(_ request: R) async throws -> R.Reply {
        do {
            return try await bus.ask(request, timeout: timeout)
        } catch BusError.noRoute {
            throw GatewayError(
                status: .serviceUnavailable, code: "unavailable",
                message: "console sessions need the session plugin on this gateway; add `- use: session` to the role")
        } catch {
            throw GatewayError.from(error, asking: R.topic)
        }
    }
}

extension GatewayError {
    /// An unknown session to end is a 404, not a 401: the caller's own credential was fine.
    fileprivate func withNotFound(for id: String) -> GatewayError {
        code == "unauthenticated" ? .notFound("no live console session \(id.prefix(32)); it ended or expired") : self
    }
}

/// The answer to `POST /v1/servers/{id}/sessions`.
struct SessionCreated: Encodable {
    var id: String
    var server: String
    var type: String
    /// Open this once in a browser: it redeems the code and sets the session cookie.
    var viewerURL: String
    /// When the viewer URL's code stops working (seconds since 1970).
    var expiresAt: Int64
    /// When the session ends unless a console keeps it alive.
    var sessionExpiresAt: Int64
}

/// The answer to `GET /v1/servers/{id}/sessions`: who is connected (never a session ID).
struct SessionList: Encodable {
    struct Entry: Encodable {
        var subject: String
        var type: String
        var createdAt: Int64
        var expiresAt: Int64

        init(_ info: Session.Info) {
            subject = info.subject
            type = info.kind.rawValue
            createdAt = info.createdAt
            expiresAt = info.expiresAt
        }
    }

    var sessions: [Entry]
}
