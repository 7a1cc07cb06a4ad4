import AsyncHTTPClient
import Contracts
import Foundation
import Kernel
import Logging
import NIOSSL
import ServiceLifecycle
import Storage

/// Identity for the manager and the gateways.
///
/// `mode: issue` (the manager): local and OIDC login, ES256 login and session tokens with key
/// rotation, the JWKS, who sees which server, and the audit log; it owns the manager's store
/// (SQLite or PostgreSQL). `mode: verify` (a gateway): answers `auth.verify` offline from the
/// manager's JWKS, fetched and cached. Both modes serve `auth.verify`,
/// `auth.verify-enrolment` (agents' enrolment tokens, for the link listener) and
/// `auth.verify-agent` (agents' own credentials, checked against the manager's revocation
/// list: its store in issue mode, `auth.agent-revocations` asked over the link in verify mode).
public actor AuthPlugin: Plugin {
    public static let id: PluginID = "auth"
    public static let summary = "identity: login (local, OIDC), ES256 tokens, JWKS, roles, audit; or offline token verification"

    let mode: Mode
    let settings: AuthSettings
    let verification: VerificationSettings
    let auditLog: AuditLogSettings
    let context: PluginContext
    let now: @Sendable () -> Date
    let gate = ServiceGate<AuthService>()
    let verifierGate = ServiceGate<TokenVerifier>()
    /// `verify` mode: the manager's agent revocation list.
    let revocationList: AgentRevocationList

    public init(config: Config, context: PluginContext) throws {
        self.mode = config.mode
        self.settings = try AuthSettings(config) { context.resolvePath($0).path }
        self.verification = try VerificationSettings(config, node: context.node.description) { context.resolvePath($0).path }
        self.auditLog = try AuditLogSettings(config) { context.resolvePath($0).path }
        self.context = context
        self.now = { Date() }
        self.revocationList = AgentRevocationList(refreshInterval: settings.agentRevocationRefresh, bus: context.bus, logger: context.logger)
    }

    public nonisolated func routes(_ routes: inout Routes) {
        let verifier = verifierGate
        let verification = self.verification
        routes.answer(Contracts.Auth.Verify.self) { request, _ in
            try await verification.verify(request.token, with: verifier.get())
        }
        routes.answer(Contracts.Auth.VerifyEnrolment.self) { request, _ in
            try await EnrolmentVerification.verify(request, with: verifier.get())
        }
        let gate = self.gate
        let revocationList = self.revocationList
        let revocations: AgentCredentialVerification.Revocations
        if mode == .issue {
            revocations = { try await gate.get().agentRevocationTable() }
        } else {
            revocations = { try await revocationList.current() }
        }
        let now = self.now
        routes.answer(Contracts.Auth.VerifyAgentCredential.self) { request, _ in
            try await AgentCredentialVerification.verify(request, with: verifier.get(), revocations: revocations, now: now())
        }
        routes.answer(Contracts.Auth.KnownAgentRevocations.self) { _, _ in try await revocations() }
        guard mode == .issue else { return }
        routes.answer(Contracts.Auth.RedeemEnrolment.self) { request, _ in try await gate.get().redeemEnrolment(request) }
        routes.answer(Contracts.Auth.AgentRevocations.self) { _, _ in try await gate.get().agentRevocationTable() }
        routes.answer(Manager.RevokeAgent.self) { request, _ in try await gate.get().revokeAgent(request) }
        routes.answer(Manager.Login.self) { request, _ in try await gate.get().login(request) }
        routes.answer(Manager.Refresh.self) { request, _ in try await gate.get().refresh(request) }
        routes.answer(Manager.IssueSessionToken.self) { request, _ in try await gate.get().issueSessionToken(request) }
        routes.answer(Manager.ListServers.self) { request, _ in try await gate.get().listServers(request) }
        routes.answer(Manager.ShowServer.self) { request, _ in try await gate.get().showServer(request) }
        routes.answer(Manager.QueryAudit.self) { request, _ in try await gate.get().queryAudit(request) }
        routes.answer(Manager.AssignServer.self) { request, _ in try await gate.get().assignServer(request) }
        routes.answer(Manager.Authenticate.self) { request, _ in try await gate.get().authenticate(request) }
        routes.answer(Manager.RotateKey.self) { request, _ in try await gate.get().rotateKey(request) }
        routes.answer(Manager.IssueEnrolmentToken.self) { request, _ in try await gate.get().issueEnrolmentToken(request) }
        routes.answer(Manager.JWKS.self) { _, _ in try await gate.get().keys.jwks() }
        routes.answer(Manager.OIDCStart.self) { request, _ in try await gate.get().startOIDC(request) }
        routes.answer(Manager.OIDCFinish.self) { request, _ in try await gate.get().finishOIDC(request) }
    }

    public func run() async throws {
        switch mode {
        case .issue: try await runIssuer()
        case .verify: try await runVerifier()
        }
    }

    private func runIssuer() async throws {
        let logger = context.logger
        let store: SQLStore
        do {
            store = try await SQLStore.open(settings.storage, logger: logger)
        } catch {
            await gate.close(.unavailable(error.message))
            await verifierGate.close(.unavailable(error.message))
            throw error
        }
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let oidc = settings.oidc.map { OIDCLogin(settings: $0, provider: OIDCProviderClient(client: http), now: now) }
        let service = AuthService(settings: settings, store: store, oidc: oidc, logger: logger, now: now)
        var failure: (any Error)?
        do {
            try await service.bootstrap()
            try await service.keys.maintain()
            await gate.open(service)
            await verifierGate.open(service.verifier)
            logger.info("auth ready", metadata: ["storage": "\(settings.storage)"])
            let export = AuditLogExport(settings: auditLog, store: store, logger: logger)
            try? await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask { try await export.run() }
                    group.addTask { try await Self.maintain(service, logger: logger) }
                }
            }
        } catch {
            failure = error
        }
        await gate.close(.unavailable("the auth plugin has stopped"))
        await verifierGate.close(.unavailable("the auth plugin has stopped"))
        try? await http.shutdown()
        await store.close()
        if let failure { throw failure }
    }

    private func runVerifier() async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let roots = verification.jwksTrustRoots {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(roots))
            } catch {
                throw AuthError.badRequest("jwksTrustRoots \(roots) cannot be read as PEM certificates: \(error)")
            }
        }
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(tlsConfiguration: tls))
        let verifier = TokenVerifier(
            options: .init(issuer: settings.issuer, cacheCapacity: 10_000),
            source: HTTPJWKSSource(url: verification.jwks, client: http))
        await verifierGate.open(verifier)
        context.logger.info("auth verifying", metadata: ["jwks": "\(verification.jwks)", "audience": "\(verification.audience)"])
        let revocations = revocationList
        await cancelWhenGracefulShutdown { await revocations.maintain() }
        await verifierGate.close(.unavailable("the auth plugin has stopped"))
        try? await http.shutdown()
    }

    /// Rotates keys when due and forgets expired ones, once a minute.
    static func maintain(_ service: AuthService, logger: Logger) async throws {
        while true {
            try await Task.sleep(for: .seconds(60))
            do {
                try await service.keys.maintain()
            } catch {
                logger.warning("key maintenance failed; retrying in a minute", metadata: ["error": "\(error)"])
            }
        }
    }
}
