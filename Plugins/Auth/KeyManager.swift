import Foundation
import Storage

/// Keeps the signing keys in the store: loads them, rotates on schedule or on demand, drops
/// keys whose last token has expired, and hands out the signer and the JWKS.
/// Reloading from the store first lets several manager replicas share one key set.
actor KeyManager {
    private let store: any ManagerStore
    private let rotationInterval: TimeInterval
    private let retiredKeyLifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var ring = SigningKeyRing()
    private var signer: TokenSigner?

    init(store: any ManagerStore, rotationInterval: TimeInterval, retiredKeyLifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.rotationInterval = rotationInterval
        self.retiredKeyLifetime = retiredKeyLifetime
        self.now = now
    }

    /// Reloads, rotates when due, forgets expired keys.
    func maintain() async throws(AuthError) {
        try await reload()
        if ring.needsRotation(now: now(), interval: rotationInterval) { try await rotate() }
        let expired = ring.dropExpired(now: now())
        if !expired.isEmpty { try await storing { () async throws(StoreError) in try await store.deleteSigningKeys(expiredBefore: now()) } }
    }

    /// Makes a new key the signer; the previous one keeps verifying until its tokens expire.
    @discardableResult
    func rotate() async throws(AuthError) -> String {
        let next = SigningKey.generate(now: now())
        try await storing { () async throws(StoreError) in try await store.insertSigningKey(next.stored) }
        let retired = ring.rotate(to: next, now: now(), tokenLifetime: retiredKeyLifetime)
        for key in retired {
            guard let retiredAt = key.retiredAt, let expiresAt = key.expiresAt else { continue }
            try await storing { () async throws(StoreError) in try await store.retireSigningKey(kid: key.kid, at: retiredAt, expiresAt: expiresAt) }
        }
        signer = try await TokenSigner(key: next)
        return next.kid
    }

    func currentSigner() async throws(AuthError) -> TokenSigner {
        if let signer { return signer }
        try await maintain()
        guard let key = ring.signingKey else { throw .unavailable("no signing key") }
        let made = try await TokenSigner(key: key)
        signer = made
        return made
    }

    func jwks() -> JWKSDocument { ring.jwks(now: now()) }

    private func reload() async throws(AuthError) {
        let stored = try await storing { () async throws(StoreError) in try await store.signingKeys() }
        var keys: [SigningKey] = []
        for record in stored { keys.append(try SigningKey(stored: record)) }
        ring = SigningKeyRing(keys: keys)
        if let active = ring.signingKey, active.kid != signer?.kid { signer = try await TokenSigner(key: active) }
    }

    @discardableResult
    private func storing<T>(_ body: () async throws(StoreError) -> T) async throws(AuthError) -> T {
        do {
            return try await body()
        } catch {
            throw .unavailable(error.message)
        }
    }
}
