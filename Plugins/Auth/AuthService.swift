import Foundation
import Logging
import NIOPosix
import Storage
import Synchronization

/// The manager's identity logic: logins, tokens, what a user may see and do, and the audit
/// records of it all. Built by ``AuthPlugin/run()`` once the store is open; the plugin's
/// handlers call into it.
final class AuthService: Sendable {
    let settings: AuthSettings
    let store: any ManagerStore
    let keys: KeyManager
    let verifier: TokenVerifier
    let oidc: OIDCLogin?
    let authorization = Authorization()
    let now: @Sendable () -> Date
    let logger: Logger
    private let limiter: Mutex<LoginRateLimiter>

    init(settings: AuthSettings, store: any ManagerStore, oidc: OIDCLogin?, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.settings = settings
        self.store = store
        self.oidc = oidc
        self.logger = logger
        self.now = now
        let keys = KeyManager(store: store, rotationInterval: settings.keyRotation, retiredKeyLifetime: settings.retiredKeyLifetime, now: now)
        self.keys = keys
        self.verifier = TokenVerifier(
            options: .init(issuer: settings.issuer, cacheCapacity: 10_000, minimumRefreshSeconds: 0),
            source: ClosureJWKSSource { await keys.jwks() }, now: now)
        self.limiter = Mutex(LoginRateLimiter(policy: settings.rateLimit))
    }

    /// The caller behind a login token, with its current roles from the store.
    func principal(loginToken: String, source: String, action: String) async throws(AuthError) -> Principal {
        let claims: LoginClaims
        do {
            claims = try await verifier.verifyLogin(loginToken, audience: settings.audience)
        } catch {
            await audit(actor: "anonymous", action: action, outcome: .denied, source: source, detail: "token refused: \(error.message)")
            throw .invalidToken(error)
        }
        guard let user = try await stored({ () async throws(StoreError) in try await store.user(id: claims.sub) }) else {
            await audit(actor: claims.sub, action: action, outcome: .denied, source: source, detail: "the user no longer exists")
            throw .invalidToken(.malformed("the user no longer exists"))
        }
        let memberships = try await stored { () async throws(StoreError) in try await store.memberships(userID: user.id) }
        return Principal(user: user, memberships: memberships)
    }

    /// Signs a login token for `user`.
    func issueLogin(for user: User, authTime: Date) async throws(AuthError) -> Manager.IssuedToken {
        let issued = now()
        let expires = issued.addingTimeInterval(settings.loginLifetime)
        let claims = LoginClaims(
            iss: settings.issuer, sub: user.id, aud: settings.audience, exp: Int64(expires.timeIntervalSince1970),
            iat: Int64(issued.timeIntervalSince1970), jti: RandomToken.make(), name: user.name, authTime: Int64(authTime.timeIntervalSince1970))
        let token = try await keys.currentSigner().sign(claims)
        return Manager.IssuedToken(token: token, expiresAt: Date(timeIntervalSince1970: TimeInterval(claims.exp)), kind: .login)
    }

    /// Appends an audit record; a failure to write is logged, never hidden from operators.
    func audit(
        actor: String, action: String, outcome: AuditEvent.Outcome, tenant: String? = nil, server: String? = nil, source: String?, detail: String = ""
    ) async {
        let event = AuditEvent(
            at: now(), actor: String(actor.prefix(200)), action: action, outcome: outcome, tenantID: tenant, serverID: server,
            source: source.map { String($0.prefix(200)) }, detail: String(detail.prefix(2000)))
        do {
            try await store.appendAudit(event)
        } catch {
            logger.error("audit write failed", metadata: ["audit.action": "\(action)", "error": "\(error)"])
        }
    }

    /// Runs a store call, turning its failure into the plugin's error.
    func stored<T>(_ body: () async throws(StoreError) -> T) async throws(AuthError) -> T {
        do throws(StoreError) {
            return try await body()
        } catch .notFound(let what) {
            throw .notFound(what)
        } catch .invalid(let why) {
            throw .badRequest(why)
        } catch .conflict(let what) {
            throw .badRequest("\(what) already exists")
        } catch {
            throw .unavailable(error.message)
        }
    }

    func withLimiter<T>(_ body: (inout LoginRateLimiter) -> T) -> T {
        limiter.withLock { body(&$0) }
    }

    /// scrypt is deliberately slow: it runs on the blocking pool, not on the cooperative threads.
    func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        (try? await NIOThreadPool.singleton.runIfActive(work)) ?? work()
    }
}
