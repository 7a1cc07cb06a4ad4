import Foundation

/// The signing keys and the rotation rule. Pure: the caller passes the time and persists
/// the changes it returns.
///
/// The newest unretired key signs. Rotation retires it and sets its expiry to the moment its
/// last token expires (`now + longest token lifetime + clock skew`); until then it stays in
/// the JWKS so those tokens keep verifying; afterwards it is dropped.
public struct SigningKeyRing: Sendable {
    public private(set) var keys: [SigningKey]

    public init(keys: [SigningKey] = []) {
        self.keys = keys.sorted { $0.createdAt < $1.createdAt }
    }

    /// The key that signs new tokens.
    public var signingKey: SigningKey? { keys.last { $0.retiredAt == nil } }

    /// Whether there is no signing key or it is older than `interval`.
    public func needsRotation(now: Date, interval: TimeInterval) -> Bool {
        guard let signingKey else { return true }
        return now.timeIntervalSince(signingKey.createdAt) >= interval
    }

    /// Makes `next` the signing key; returns the keys retired by it (to persist).
    @discardableResult
    public mutating func rotate(to next: SigningKey, now: Date, tokenLifetime: TimeInterval) -> [SigningKey] {
        var retired: [SigningKey] = []
        for index in keys.indices where keys[index].retiredAt == nil {
            keys[index].retiredAt = now
            keys[index].expiresAt = now.addingTimeInterval(tokenLifetime)
            retired.append(keys[index])
        }
        keys.append(next)
        return retired
    }

    /// Forgets keys whose last token has expired; returns their kids.
    @discardableResult
    public mutating func dropExpired(now: Date) -> [String] {
        let expired = keys.filter { ($0.expiresAt ?? .distantFuture) <= now }.map(\.kid)
        keys.removeAll { expired.contains($0.kid) }
        return expired
    }

    /// The keys to publish: every key whose tokens may still be valid.
    public func jwks(now: Date) -> JWKSDocument {
        JWKSDocument(keys: keys.filter { ($0.expiresAt ?? .distantFuture) > now }.map(\.publicJWK))
    }
}
