import Contracts
import Hummingbird
import Kernel

/// The browser console session operations of the gateway's client APIs (REST, gRPC), served
/// by the `session` plugin on this node: create (bearer token only), list, end and renew (the
/// creator, or the session's own cookie).
struct SessionOperations: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let timeout: Duration

    /// A new session of `kind` on `server`; the caller's bearer token must allow the console type.
    func create(_ headers: HTTPFields, server: String, kind: Session.Kind) async throws -> SessionCreated {
        guard case .bearer(let token)? = try Credential.find(in: headers) else {
            throw GatewayError.unauthenticated("creating a console session takes \"Authorization: Bearer <token>\"; a session cannot create another")
        }
        _ = try await authorizer.authorize(headers, kind.action, on: server)
        let created: Session.Create.Reply = try await ask(Session.Create(server: server, kind: kind, token: token))
        return SessionCreated(
            id: created.session.id, server: server, type: kind.rawValue, viewerURL: created.viewerURL,
            expiresAt: created.codeExpiresAt, sessionExpiresAt: created.session.expiresAt)
    }

    /// Who holds a session on `server` (never the session IDs).
    func list(_ headers: HTTPFields, server: String) async throws -> [Session.Info] {
        _ = try await authorizer.authorize(headers, .view, on: server)
        let reply: Session.List.Reply = try await ask(Session.List(server: server))
        return reply.sessions
    }

    /// Ends session `id`, when the caller created it.
    func end(_ headers: HTTPFields, server: String, id: String) async throws {
        try await requireOwn(headers, server: server, id: id)
        _ = try await ask(Session.End(id: id))
    }

    /// Renews session `id`'s lease, when the caller created it; the renewed session.
    func renew(_ headers: HTTPFields, server: String, id: String) async throws -> Session.Info {
        try await requireOwn(headers, server: server, id: id)
        do {
            return try await ask(Session.Refresh(id: id))
        } catch let error as GatewayError {
            throw error.withNotFound(for: id)
        }
    }

    /// The creator (same subject, same server) or the session's own cookie may act on it.
    private func requireOwn(_ headers: HTTPFields, server: String, id: String) async throws {
        let caller = try await authorizer.authorize(headers, .view, on: server)
        guard !id.isEmpty else { throw GatewayError.notFound("no live console session with an empty ID on \(server)") }
        let session: Session.Resolve.Reply
        do {
            session = try await bus.ask(Session.Resolve(id: id), timeout: timeout)
        } catch {
            throw GatewayError.from(error, asking: Session.Resolve.topic).withNotFound(for: id)
        }
        guard session.session.server == server, session.principal.subject == caller.subject else {
            throw GatewayError.notFound("no live console session \(id.prefix(32)) of yours on \(server)")
        }
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
    /// An unknown session is a 404, not a 401: the caller's own credential was fine.
    fileprivate func withNotFound(for id: String) -> GatewayError {
        code == "unauthenticated" ? .notFound("no live console session \(id.prefix(32)); it ended or expired") : self
    }
}
