import Contracts
import Foundation
import Kernel
import Logging
import ServiceLifecycle

/// Browser console sessions of a gateway: creates a session from a verified token, hands out
/// its one-time viewer code, and answers which principal a session cookie stands for, while
/// the session's lease lives. Only plugins on this node may ask (the gateway API, the web UI).
public actor SessionPlugin: Plugin {
    public static let id: PluginID = "session"
    public static let summary = "browser console sessions: 128-bit IDs, one-time viewer codes, leases, per-server limits"

    private let config: Config
    private let context: PluginContext
    private var table: SessionTable

    public init(config: Config, context: PluginContext) throws {
        let config = try config.validated()
        self.config = config
        self.context = context
        table = SessionTable(
            limits: SessionLimits(
                codeLifetime: Int64(config.codeLifetimeSeconds), lease: Int64(config.leaseSeconds),
                maxLifetime: Int64(config.maxLifetimeSeconds), maxPerServer: config.maxSessionsPerServer))
    }

    public nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Session.Create.self) { request, caller in try await self.create(request, caller) }
        routes.answer(Session.Redeem.self) { request, caller in try await self.redeem(request, caller) }
        routes.answer(Session.Resolve.self) { request, caller in try await self.resolve(request, caller) }
        routes.answer(Session.Refresh.self) { request, caller in try await self.refresh(request, caller) }
        routes.answer(Session.End.self) { request, caller in try await self.end(request, caller) }
        routes.answer(Session.List.self) { request, caller in try await self.list(request, caller) }
    }

    /// Drops expired sessions every few seconds, so memory follows the live ones.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(5)) }
            purge()
        }
    }

    private func purge() {
        table.purge(now: Self.now)
    }

    func create(_ request: Session.Create, _ caller: Caller) async throws -> Session.Create.Reply {
        try requireLocal(caller)
        guard !request.token.isEmpty, request.token.utf8.count <= 8192 else {
            throw SessionError.unauthenticated("the token is empty or longer than 8192 bytes")
        }
        let principal: Auth.Principal
        do {
            principal = try await context.bus.ask(Auth.Verify(token: request.token), timeout: .seconds(config.requestTimeoutSeconds))
        } catch BusError.remote("unauthenticated", let message) {
            throw SessionError.unauthenticated(message)
        } catch {
            throw SessionError.unavailable("tokens cannot be checked right now (\(error)); retry shortly")
        }
        let now = Self.now
        guard principal.expiresAt > now else { throw SessionError.unauthenticated("the token has expired; get a new one") }
        let record = try table.create(
            server: request.server, kind: request.kind, token: request.token, principal: principal,
            id: SessionSecret.make(), code: SessionSecret.make(), now: now)
        context.logger.info(
            "session created",
            metadata: ["session.server": "\(record.server)", "session.kind": "\(record.kind.rawValue)", "session.subject": "\(principal.subject)"])
        let code = record.code ?? ""
        return .init(
            session: record.info, code: code, codeExpiresAt: record.codeExpiresAt,
            viewerURL: "\(config.viewerURL)/view/\(record.id)?code=\(code)")
    }

    func redeem(_ request: Session.Redeem, _ caller: Caller) throws -> Session.Info {
        try requireLocal(caller)
        guard SessionSecret.isWellFormed(request.session), SessionSecret.isWellFormed(request.code) else {
            throw SessionError.unauthenticated("the viewer link is malformed; ask for a new one")
        }
        return try table.redeem(id: request.session, code: request.code, now: Self.now).info
    }

    func resolve(_ request: Session.Resolve, _ caller: Caller) throws -> Session.Resolve.Reply {
        try requireLocal(caller)
        let record = try renew(request.id)
        var principal = record.principal
        principal.expiresAt = record.hardEnd
        return .init(session: record.info, token: record.token, principal: principal)
    }

    func refresh(_ request: Session.Refresh, _ caller: Caller) throws -> Session.Info {
        try requireLocal(caller)
        return try renew(request.id).info
    }

    func end(_ request: Session.End, _ caller: Caller) throws -> Session.End.Reply {
        try requireLocal(caller)
        let ended = table.end(id: request.id, now: Self.now)
        if ended { context.logger.info("session ended") }
        return .init(ended: ended)
    }

    func list(_ request: Session.List, _ caller: Caller) throws -> Session.List.Reply {
        try requireLocal(caller)
        return .init(sessions: table.list(server: request.server, now: Self.now).map(\.info))
    }

    private func renew(_ id: String) throws -> SessionRecord {
        guard SessionSecret.isWellFormed(id) else { throw SessionError.sessionGone }
        return try table.renew(id: id, now: Self.now)
    }

    /// Session IDs are bearer secrets of this gateway: no other node may look them up.
    private func requireLocal(_ caller: Caller) throws {
        guard caller.from.node == context.node else {
            throw SessionError.denied("sessions are answered only to plugins on \(context.node), not to \(caller.from.node)")
        }
    }

    private static var now: Int64 { Int64(Date().timeIntervalSince1970) }
}
