import Contracts
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
        let tokenID = UnverifiedClaims.enrolmentTokenID(token)
        let stored = try store.load().flatMap { $0.node == node.rawValue ? $0 : nil }
        if let stored, let credential = stored.credential, let gateway = stored.gateway, tokenID == nil || tokenID == stored.enrolmentTokenID {
            let timestamp = Int64(now.timeIntervalSince1970)
            let proof: String
            do { proof = try privateKey(stored).proof(node: node.rawValue, gateway: gateway, timestamp: timestamp) } catch {
                throw AgentIdentityStore.Failure(description: "the identity key cannot sign: \(error)")
            }
            return HelloCredential(credential: credential, proof: proof, timestamp: timestamp, gateway: gateway)
        }
        guard let tokenID else { return HelloCredential(credential: token) }
        let identity: StoredAgentIdentity
        if let stored, stored.enrolmentTokenID == tokenID {
            identity = stored
        } else {
            identity = StoredAgentIdentity(
                node: node.rawValue, privateKey: Base64URL.encode(AgentIdentityKey().rawRepresentation), enrolmentTokenID: tokenID)
            try store.save(identity)
        }
        return HelloCredential(credential: token, publicKey: try privateKey(identity).publicKey)
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

    private func privateKey(_ identity: StoredAgentIdentity) throws(AgentIdentityStore.Failure) -> AgentIdentityKey {
        guard let raw = Base64URL.decode(identity.privateKey), let key = try? AgentIdentityKey(rawRepresentation: raw) else {
            throw AgentIdentityStore.Failure(description: "identityFile \(store.path) holds no valid P-256 private key")
        }
        return key
    }
}
