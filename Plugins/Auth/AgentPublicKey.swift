import Contracts
import Crypto
import Foundation

/// An agent's P-256 identity key as it travels: base64url (no padding) of the 64-byte raw
/// x‖y form in ``Contracts/Auth/RedeemEnrolment``, a JWK in the credential's `cnf`.
struct AgentPublicKey: Sendable {
    let key: P256.Signing.PublicKey

    /// The key of `RedeemEnrolment.publicKey`, or `bad-request` saying what is wrong.
    init(raw text: String) throws(AuthError) {
        guard let bytes = Base64URL.decode(text) else { throw .badRequest("publicKey is not base64url") }
        guard bytes.count == 64 else {
            throw .badRequest("publicKey must be the 64-byte raw x‖y form of a P-256 key, not \(bytes.count) bytes")
        }
        do {
            key = try P256.Signing.PublicKey(rawRepresentation: bytes)
        } catch {
            throw .badRequest("publicKey is not a point on P-256")
        }
    }

    /// The key of a credential's `cnf.jwk`, or nil when it is not an EC P-256 key.
    init?(jwk: PublicJWK) {
        guard jwk.kty == "EC", jwk.crv == "P-256", let x = jwk.x.flatMap(Base64URL.decode), let y = jwk.y.flatMap(Base64URL.decode),
            x.count == 32, y.count == 32, let key = try? P256.Signing.PublicKey(rawRepresentation: x + y)
        else { return nil }
        self.key = key
    }

    /// The JWK for `cnf.jwk`.
    var jwk: PublicJWK {
        let raw = key.rawRepresentation
        return PublicJWK(kty: "EC", crv: "P-256", x: Base64URL.encode(raw.prefix(32)), y: Base64URL.encode(raw.suffix(32)))
    }

    /// Whether `proof` (base64url of the raw 64-byte r‖s) signs `message` (ECDSA P-256 SHA-256).
    func verifies(proof: String, of message: [UInt8]) -> Bool {
        guard let bytes = Base64URL.decode(proof), bytes.count == 64,
            let signature = try? P256.Signing.ECDSASignature(rawRepresentation: bytes)
        else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
