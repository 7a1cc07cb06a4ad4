import Contracts
import Foundation
import Storage

/// `auth.verify-agent`: an agent's own credential and its proof of key possession, checked
/// offline with the manager's keys and its revocation list, for the link listener of
/// `request.gateway`.
enum AgentCredentialVerification {
    /// The node name to revoked-through second list (``Contracts/Auth/AgentRevocations``).
    typealias Revocations = @Sendable () async throws -> [String: Int64]

    /// The identity the credential proves, `unauthenticated` with the reason, or `unavailable`
    /// when the keys or the revocation list cannot be had.
    static func verify(
        _ request: Contracts.Auth.VerifyAgentCredential, with verifier: TokenVerifier, revocations: Revocations, now: Date
    ) async throws -> Contracts.Auth.AgentIdentity {
        let claims: AgentCredentialClaims
        do throws(TokenRejection) {
            claims = try await verifier.verifyAgentCredential(request.credential, node: request.node)
        } catch .keysUnavailable(let why) {
            throw AuthError.unavailable("the manager's keys cannot be fetched: \(why)")
        } catch {
            throw refused(reason(error))
        }
        if let revokedThrough = try await revocations()[claims.sub], claims.iat <= revokedThrough {
            let time = Date(timeIntervalSince1970: TimeInterval(revokedThrough)).formatted(.iso8601)
            throw refused("revoked at \(time); enrol again with a new enrolment token")
        }
        let (difference, overflow) = Int64(now.timeIntervalSince1970).subtractingReportingOverflow(request.timestamp)
        guard !overflow, difference.magnitude <= Contracts.Auth.AgentProof.maximumSkewSeconds.magnitude else {
            throw refused(overflow ? "stale proof (timestamp \(request.timestamp) is absurd)" : "stale proof (clock skew \(difference) s); check the agent's clock")
        }
        guard let key = AgentPublicKey(jwk: claims.cnf.jwk) else { throw refused("the credential holds no P-256 key") }
        let message = Contracts.Auth.AgentProof.message(node: request.node, gateway: request.gateway, timestamp: request.timestamp)
        guard key.verifies(proof: request.proof, of: message) else { throw refused("bad proof") }
        return Contracts.Auth.AgentIdentity(node: claims.sub, credentialID: claims.jti, expiresAt: claims.exp)
    }

    /// The second through which a revocation at `date` refuses credentials: rounded up, so a
    /// credential of the same second as the revocation is refused too.
    static func revokedThrough(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.up))
    }

    /// The revocation list from a store (the manager's own).
    static func revocationTable(_ revocations: [AgentRevocation]) -> [String: Int64] {
        Dictionary(revocations.map { ($0.node, revokedThrough($0.revokedAt)) }, uniquingKeysWith: max)
    }

    /// The refusal as an agent's operator needs to read it.
    static func reason(_ rejection: TokenRejection) -> String {
        switch rejection {
        case .expired: "expired; enrol again with a new enrolment token"
        case .wrongNode(let node): "wrong node: issued for node \(node)"
        case .badSignature, .unknownKey, .keyRetired, .unsigned, .algorithmNotAllowed, .missingKeyID: "bad signature: \(rejection.message)"
        case .wrongType(let kind): "not an agent credential (a \(kind) token)"
        default: rejection.message
        }
    }

    private static func refused(_ reason: String) -> Unauthenticated {
        Unauthenticated(message: "agent credential refused: \(reason)")
    }
}
