import Contracts
import Foundation
import Kernel
import Storage

extension AuthService {
    /// `auth.redeem-enrolment`: the agent's own credential for its enrolment token, once per
    /// token. Audited as `agent.enrolled` (ok or denied with the reason).
    func redeemEnrolment(_ request: Contracts.Auth.RedeemEnrolment) async throws -> Contracts.Auth.AgentCredential {
        let action = "agent.enrolled"
        let actor = String(request.node.prefix(128))
        let enrolment: EnrolmentClaims
        let key: AgentPublicKey
        let revocation: AgentRevocation?
        do {
            enrolment = try await EnrolmentVerification.claims(
                Contracts.Auth.VerifyEnrolment(token: request.token, node: request.node, gateway: request.gateway), with: verifier)
            key = try AgentPublicKey(raw: request.publicKey)
            revocation = try await stored { () async throws(StoreError) in try await store.agentRevocations() }.first { $0.node == enrolment.sub }
            // Revoking a node also voids the enrolment tokens it was given before.
            if let revocation, enrolment.iat < Int64(revocation.revokedAt.timeIntervalSince1970.rounded(.down)) {
                throw Unauthenticated(
                    message: "enrolment token refused: issued before node \(enrolment.sub) was revoked at "
                        + "\(revocation.revokedAt.formatted(.iso8601)); ask the manager for a new enrolment token")
            }
        } catch {
            await audit(actor: actor, action: action, outcome: .denied, source: request.source, detail: Self.why(error))
            throw error
        }
        let revokedThrough = revocation.map { AgentCredentialVerification.revokedThrough($0.revokedAt) }
        // A credential minted in the second of a revocation would count as revoked.
        let issued = max(Int64(now().timeIntervalSince1970), (revokedThrough ?? 0) + 1)
        let claims = AgentCredentialClaims(
            iss: settings.issuer, sub: enrolment.sub, exp: issued + Int64(settings.agentCredentialLifetime), iat: issued,
            jti: RandomToken.make(), key: key.jwk)
        let credential = try await keys.currentSigner().sign(claims)
        let redemption = EnrolmentRedemption(
            tokenID: enrolment.jti, node: enrolment.sub, gateway: enrolment.aud, credentialID: claims.jti, redeemedAt: now())
        do throws(StoreError) {
            try await store.recordEnrolmentRedemption(redemption)
        } catch .conflict {
            let earlier = try? await store.enrolmentRedemption(tokenID: enrolment.jti)
            let by = earlier.map { "redeemed by node \($0.node) at \($0.redeemedAt.formatted(.iso8601))" } ?? "redeemed before"
            let refusal = Unauthenticated(message: "enrolment token already used: \(by); ask the manager for a new enrolment token")
            await audit(actor: actor, action: action, outcome: .denied, source: request.source, detail: "\(refusal.message); jti \(enrolment.jti)")
            throw refusal
        } catch {
            throw AuthError.unavailable(error.message)
        }
        await audit(
            actor: actor, action: action, outcome: .ok, source: request.source,
            detail: "node \(enrolment.sub); gateway \(enrolment.aud); enrolment token jti \(enrolment.jti); credential \(claims.jti)")
        return Contracts.Auth.AgentCredential(credential: credential, credentialID: claims.jti, node: claims.sub, expiresAt: claims.exp)
    }

    /// `manager.revoke-agent` (superadmin only): refuses the node's credentials issued until
    /// now. Audited as `agent.revoked`.
    func revokeAgent(_ request: Manager.RevokeAgent) async throws(AuthError) -> Manager.RevokeAgent.Reply {
        let action = "agent.revoked"
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: action)
        guard principal.superadmin else {
            await audit(actor: principal.userID, action: action, outcome: .denied, source: request.source, detail: "not a superadmin; node \(request.node.prefix(128))")
            throw .denied("only superadmins may revoke agents")
        }
        guard Self.isNodeName(request.node) else {
            throw .badRequest("node must be a node name of 1...128 letters, digits, . _ - (no wildcard), not \"\(request.node.prefix(40))\"")
        }
        let revocation = AgentRevocation(node: request.node, revokedAt: now())
        try await stored { () async throws(StoreError) in try await store.recordAgentRevocation(revocation) }
        await audit(
            actor: principal.userID, action: action, outcome: .ok, source: request.source,
            detail: "node \(request.node); credentials issued until \(revocation.revokedAt.formatted(.iso8601)) refused")
        return Manager.RevokeAgent.Reply(node: request.node, revokedAt: revocation.revokedAt)
    }

    /// `auth.agent-revocations`: node to revoked-through second, from the store.
    func agentRevocationTable() async throws(AuthError) -> [String: Int64] {
        AgentCredentialVerification.revocationTable(try await stored { () async throws(StoreError) in try await store.agentRevocations() })
    }

    private static func why(_ error: any Error) -> String {
        (error as? any CodedError)?.message ?? "\(error)"
    }
}
