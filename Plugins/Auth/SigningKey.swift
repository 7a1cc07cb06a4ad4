import Contracts
import Crypto
import Foundation
import Storage

/// One ES256 token signing key. Its `kid` is the RFC 7638 thumbprint of the public key.
public struct SigningKey: Sendable {
    public let kid: String
    public let privateKey: P256.Signing.PrivateKey
    public let createdAt: Date
    /// When a newer key took over signing.
    public var retiredAt: Date?
    /// When the last token it signed expires; then it leaves the JWKS.
    public var expiresAt: Date?

    public init(privateKey: P256.Signing.PrivateKey, createdAt: Date, retiredAt: Date? = nil, expiresAt: Date? = nil) {
        self.privateKey = privateKey
        self.createdAt = createdAt
        self.retiredAt = retiredAt
        self.expiresAt = expiresAt
        let (x, y) = Self.coordinates(of: privateKey.publicKey)
        self.kid = Self.thumbprint(x: x, y: y)
    }

    /// A new random key.
    public static func generate(now: Date) -> SigningKey {
        SigningKey(privateKey: P256.Signing.PrivateKey(), createdAt: now)
    }

    /// The key as the store keeps it.
    public init(stored: StoredSigningKey) throws(AuthError) {
        guard stored.algorithm == "ES256", let key = try? P256.Signing.PrivateKey(pemRepresentation: stored.privateKey) else {
            throw .unavailable("stored signing key \(stored.kid) is not a readable ES256 key")
        }
        self.init(privateKey: key, createdAt: stored.createdAt, retiredAt: stored.retiredAt, expiresAt: stored.expiresAt)
        guard kid == stored.kid else { throw .unavailable("stored signing key \(stored.kid) does not match its kid") }
    }

    public var stored: StoredSigningKey {
        let jwk = (try? String(decoding: JSONEncoder.sorted.encode(publicJWK), as: UTF8.self)) ?? "{}"
        return StoredSigningKey(
            kid: kid, algorithm: "ES256", privateKey: privateKey.pemRepresentation, publicJWK: jwk,
            createdAt: createdAt, retiredAt: retiredAt, expiresAt: expiresAt)
    }

    /// The public half, as published.
    public var publicJWK: PublicJWK {
        let (x, y) = Self.coordinates(of: privateKey.publicKey)
        return PublicJWK(kty: "EC", crv: "P-256", x: x, y: y, kid: kid, alg: "ES256", use: "sig")
    }

    static func coordinates(of key: P256.Signing.PublicKey) -> (x: String, y: String) {
        let point = Array(key.x963Representation.dropFirst())  // 0x04 || X(32) || Y(32)
        return (Base64URL.encode(point.prefix(32)), Base64URL.encode(point.suffix(32)))
    }

    /// RFC 7638: SHA-256 over the required members in lexicographic order, base64url.
    static func thumbprint(x: String, y: String) -> String {
        let canonical = #"{"crv":"P-256","kty":"EC","x":"\#(x)","y":"\#(y)"}"#
        return Base64URL.encode(SHA256.hash(data: Data(canonical.utf8)))
    }
}

extension JSONEncoder {
    /// Sorted keys, so stored and served JSON is stable.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
