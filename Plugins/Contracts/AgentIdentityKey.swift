import Crypto
import Foundation

/// An agent's side of its identity: the P-256 private key, the public key it sends with
/// ``Auth/RedeemEnrolment``, and the proofs it signs for ``Auth/VerifyAgentCredential``.
public struct AgentIdentityKey: Sendable {
    /// The stored bytes are not a P-256 private key, or signing failed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let key: P256.Signing.PrivateKey

    /// A new random key.
    public init() {
        key = P256.Signing.PrivateKey()
    }

    /// A stored key: its 32-byte raw form (``rawRepresentation``).
    public init(rawRepresentation: Data) throws(Failure) {
        do {
            key = try P256.Signing.PrivateKey(rawRepresentation: rawRepresentation)
        } catch {
            throw Failure(description: "not a P-256 private key (32 raw bytes expected, got \(rawRepresentation.count))")
        }
    }

    /// The private key's 32 raw bytes, to store (mode 0600).
    public var rawRepresentation: Data { key.rawRepresentation }

    /// `RedeemEnrolment.publicKey`: base64url (no padding) of the 64-byte raw x‖y form.
    public var publicKey: String { Base64URL.encode(key.publicKey.rawRepresentation) }

    /// `VerifyAgentCredential.proof`: base64url of the raw r‖s ECDSA P-256 SHA-256 signature of
    /// ``Auth/AgentProof/message(node:gateway:timestamp:)``.
    public func proof(node: String, gateway: String, timestamp: Int64) throws(Failure) -> String {
        let message = Auth.AgentProof.message(node: node, gateway: gateway, timestamp: timestamp)
        do {
            return Base64URL.encode(try key.signature(for: message).rawRepresentation)
        } catch {
            throw Failure(description: "cannot sign the link proof: \(error)")
        }
    }
}
