import Contracts
import Crypto
import Foundation
import Kernel

/// The dialling agent's side of its identity (with `identityFile` set): which credential a
/// hello presents, and keeping the credential a listener issued at enrolment.
///
/// - An agent with a stored credential presents it with a fresh proof (a signature of its
///   node, the gateway it enrolled at and the time, by its private key), unless its
///   configured token is an enrolment token it has not redeemed: that means the operator
///   enrolled it again (after a revocation, or to move it), and the new token wins.
/// - An agent with an enrolment token it has not redeemed makes a key for it (kept in the
///   file before the first attempt, so every retry offers the same key) and presents the
///   token with the public key; the listener redeems it once and answers with the credential.
/// - Anything else presents the configured token (a static token).
struct AgentIdentityKeeper: Sendable {
    let store: AgentIdentityStore
    let token: String
    let node: NodeID

    /// The credential fields for the next hello.
    func presentation(now: Date = Date()) throws(AgentIdentityStore.Failure) -> HelloCredential {
        let tokenID = EnrolmentTokenID.of(token)
        let stored = try store.load().flatMap { $0.node == node.rawValue ? $0 : nil }
        if let stored, let credential = stored.credential, let gateway = stored.gateway, tokenID == nil || tokenID == stored.enrolmentTokenID {
            let key = try privateKey(stored)
            let timestamp = Int64(now.timeIntervalSince1970)
            let message = Auth.AgentProof.message(node: node.rawValue, gateway: gateway, timestamp: timestamp)
            let signature: P256.Signing.ECDSASignature
            do { signature = try key.signature(for: message) } catch {
                throw AgentIdentityStore.Failure(description: "the identity key cannot sign: \(error)")
            }
            return HelloCredential(
                credential: credential, proof: Base64URL.encode(signature.rawRepresentation), timestamp: timestamp, gateway: gateway)
        }
        guard let tokenID else { return HelloCredential(credential: token) }
        var identity = stored
        if identity?.enrolmentTokenID != tokenID {
            identity = StoredAgentIdentity(
                node: node.rawValue, privateKey: Base64URL.encode(P256.Signing.PrivateKey().rawRepresentation), enrolmentTokenID: tokenID)
        }
        guard let identity else { return HelloCredential(credential: token) }
        if identity != stored { try store.save(identity) }
        let key = try privateKey(identity)
        return HelloCredential(credential: token, publicKey: Base64URL.encode(key.publicKey.rawRepresentation))
    }

    /// Keeps the credential of a hello-ack that carries one (an enrolment was redeemed).
    /// Returns whether it did.
    @discardableResult
    func keep(_ ack: WireHello) throws(AgentIdentityStore.Failure) -> Bool {
        guard !ack.issuedCredential.isEmpty else { return false }
        guard var identity = try store.load(), identity.node == node.rawValue else {
            throw AgentIdentityStore.Failure(description: "identityFile \(store.path) lost its key during the enrolment")
        }
        identity.credential = ack.issuedCredential
        identity.credentialID = ack.issuedCredentialID
        identity.expiresAt = ack.issuedExpiresAt
        identity.gateway = ack.node
        try store.save(identity)
        return true
    }

    private func privateKey(_ identity: StoredAgentIdentity) throws(AgentIdentityStore.Failure) -> P256.Signing.PrivateKey {
        guard let raw = Base64URL.decode(identity.privateKey), let key = try? P256.Signing.PrivateKey(rawRepresentation: raw) else {
            throw AgentIdentityStore.Failure(description: "identityFile \(store.path) holds no valid P-256 private key")
        }
        return key
    }
}
