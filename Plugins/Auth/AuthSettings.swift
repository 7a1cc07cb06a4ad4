import Foundation
import Storage

/// The validated settings the service runs with (built from ``AuthPlugin/Config`` without I/O).
struct AuthSettings: Sendable {
    let storage: StoreLocation
    let issuer: String
    let audience: String
    let loginLifetime: TimeInterval
    let maximumLoginAge: TimeInterval
    let sessionLifetime: TimeInterval
    /// Enrolment tokens: the default and the longest lifetime.
    let enrolmentLifetime: TimeInterval
    let maximumEnrolmentLifetime: TimeInterval
    let keyRotation: TimeInterval
    /// Agent credentials' lifetime.
    let agentCredentialLifetime: TimeInterval
    /// `verify` mode: the age at which the agent revocation list is fetched again.
    let agentRevocationRefresh: TimeInterval
    let hasher: PasswordHasher
    let rateLimit: LoginRateLimiter.Policy
    let oidc: OIDCSettings?
    let bootstrap: AuthPlugin.Bootstrap

    /// Tokens of a retired key stay verifiable this long: the longest lifetime plus skew.
    var retiredKeyLifetime: TimeInterval { max(loginLifetime, sessionLifetime, maximumEnrolmentLifetime, agentCredentialLifetime) + 60 }

    init(_ config: AuthPlugin.Config, resolvePath: (String) -> String) throws(AuthError) {
        var storage: StoreLocation
        do {
            storage = try StoreLocation(parsing: config.storage)
        } catch {
            throw .badRequest(error.message)
        }
        if case .sqlite(let path) = storage, path != ":memory:" { storage = .sqlite(path: resolvePath(path)) }
        self.storage = storage
        guard !config.issuer.isEmpty, !config.audience.isEmpty else { throw .badRequest("issuer and audience must not be empty") }
        issuer = config.issuer
        audience = config.audience
        for (name, value, range) in [
            ("loginLifetimeSeconds", config.loginLifetimeSeconds, 60...86_400),
            ("maximumLoginAgeSeconds", config.maximumLoginAgeSeconds, 60...2_592_000),
            ("sessionLifetimeSeconds", config.sessionLifetimeSeconds, 30...3_600),
            ("keyRotationSeconds", config.keyRotationSeconds, 3_600...31_536_000),
            ("enrolmentLifetimeSeconds", config.enrolmentLifetimeSeconds, 60...2_592_000),
            ("maximumEnrolmentLifetimeSeconds", config.maximumEnrolmentLifetimeSeconds, 60...2_592_000),
            ("agentCredentialLifetimeSeconds", config.agentCredentialLifetimeSeconds, 3_600...315_360_000),
            ("agentRevocationRefreshSeconds", config.agentRevocationRefreshSeconds, 1...3_600),
        ] where !range.contains(value) {
            throw .badRequest("\(name) must be \(range.lowerBound)...\(range.upperBound), not \(value)")
        }
        guard config.maximumLoginAgeSeconds >= config.loginLifetimeSeconds else {
            throw .badRequest("maximumLoginAgeSeconds must be at least loginLifetimeSeconds")
        }
        guard config.maximumEnrolmentLifetimeSeconds >= config.enrolmentLifetimeSeconds else {
            throw .badRequest("maximumEnrolmentLifetimeSeconds must be at least enrolmentLifetimeSeconds")
        }
        enrolmentLifetime = TimeInterval(config.enrolmentLifetimeSeconds)
        maximumEnrolmentLifetime = TimeInterval(config.maximumEnrolmentLifetimeSeconds)
        loginLifetime = TimeInterval(config.loginLifetimeSeconds)
        maximumLoginAge = TimeInterval(config.maximumLoginAgeSeconds)
        sessionLifetime = TimeInterval(config.sessionLifetimeSeconds)
        keyRotation = TimeInterval(config.keyRotationSeconds)
        agentCredentialLifetime = TimeInterval(config.agentCredentialLifetimeSeconds)
        agentRevocationRefresh = TimeInterval(config.agentRevocationRefreshSeconds)
        hasher = try PasswordHasher(logN: config.passwordCost)
        let limits = config.rateLimit
        guard [limits.failuresPerAccount, limits.accountWindowSeconds, limits.attemptsPerSource, limits.sourceWindowSeconds].allSatisfy({ $0 > 0 }) else {
            throw .badRequest("rateLimit values must be positive")
        }
        rateLimit = LoginRateLimiter.Policy(
            failuresPerAccount: limits.failuresPerAccount, accountWindowSeconds: limits.accountWindowSeconds,
            attemptsPerSource: limits.attemptsPerSource, sourceWindowSeconds: limits.sourceWindowSeconds)
        oidc = config.oidc.issuer.isEmpty ? nil : try OIDCSettings(config.oidc)
        var plan = config.bootstrap
        for index in plan.users.indices {
            let user = plan.users[index]
            if user.password?.isEmpty == true { throw .badRequest("bootstrap user \(user.name) has an empty password") }
            guard let file = user.passwordFile else { continue }
            guard user.password == nil else { throw .badRequest("bootstrap user \(user.name): set password or passwordFile, not both") }
            guard !file.isEmpty else { throw .badRequest("bootstrap user \(user.name) has an empty passwordFile") }
            plan.users[index].passwordFile = resolvePath(file)
        }
        bootstrap = plan
    }
}
