import Foundation

/// A token signing key as stored. Its private half stays in the database; only the public
/// JWK is published.
public struct StoredSigningKey: Sendable, Hashable {
    public var kid: String
    public var algorithm: String
    /// The private key, PEM (PKCS#8).
    public var privateKey: String
    /// The public key as a JWK JSON object.
    public var publicJWK: String
    public var createdAt: Date
    /// When a newer key took over signing; nil for the signing key.
    public var retiredAt: Date?
    /// When the last token it signed expires; after that it leaves the JWKS.
    public var expiresAt: Date?

    public init(kid: String, algorithm: String, privateKey: String, publicJWK: String, createdAt: Date, retiredAt: Date? = nil, expiresAt: Date? = nil) {
        self.kid = kid
        self.algorithm = algorithm
        self.privateKey = privateKey
        self.publicJWK = publicJWK
        self.createdAt = createdAt
        self.retiredAt = retiredAt
        self.expiresAt = expiresAt
    }
}
