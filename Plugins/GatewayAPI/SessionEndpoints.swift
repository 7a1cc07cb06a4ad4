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

    var operations: SessionOperations { SessionOperations(bus: bus, authorizer: authorizer, timeout: timeout) }

    func create(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        guard case .bearer? = try Credential.find(in: request.headers) else {
            throw GatewayError.unauthenticated("creating a console session takes \"Authorization: Bearer <token>\"; a session cannot create another")
        }
        let bytes = try await request.collectBody(limit: maxBodyBytes)
        let body = try JSONObjectReader(bytes, allowed: ["type"], example: #"{"type": "serial"}"#)
        let kind = try body.requiredCase("type", of: Session.Kind.self)
        return try JSONResponse.make(try await operations.create(request.headers, server: server, kind: kind), status: .created)
    }

    func list(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        let sessions = try await operations.list(request.headers, server: server)
        return try JSONResponse.make(SessionList(sessions: sessions.map(SessionList.Entry.init)))
    }

    /// The creator (same subject, same server) or the session's own cookie may end it.
    func end(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        try await operations.end(request.headers, server: server, id: try context.parameters.require("session"))
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
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
