import Contracts

/// `auth.verify-enrolment`: an agent's enrolment token checked offline with the manager's
/// keys, for the link listener of `request.gateway`.
enum EnrolmentVerification {
    /// The enrolment the token proves, `unauthenticated` with the reason, or `unavailable`
    /// when the keys cannot be fetched.
    static func verify(_ request: Contracts.Auth.VerifyEnrolment, with verifier: TokenVerifier) async throws -> Contracts.Auth.Enrolment {
        let claims = try await self.claims(request, with: verifier)
        return Contracts.Auth.Enrolment(node: claims.sub, gateway: claims.aud, expiresAt: claims.exp, tokenID: claims.jti)
    }

    /// The verified token's claims, with the same errors as ``verify(_:with:)``.
    static func claims(_ request: Contracts.Auth.VerifyEnrolment, with verifier: TokenVerifier) async throws -> EnrolmentClaims {
        do throws(TokenRejection) {
            return try await verifier.verifyEnrolment(request.token, node: request.node, audience: request.gateway)
        } catch .keysUnavailable(let why) {
            throw AuthError.unavailable("the manager's keys cannot be fetched: \(why)")
        } catch {
            throw Unauthenticated(message: "enrolment token refused: \(reason(error))")
        }
    }

    /// The refusal as an agent's operator needs to read it.
    static func reason(_ rejection: TokenRejection) -> String {
        switch rejection {
        case .expired: "expired; ask the manager for a new enrolment token"
        case .wrongAudience(let gateway): "wrong audience: meant for gateway \(gateway)"
        case .wrongNode(let node): "wrong node: issued for node \(node)"
        case .badSignature, .unknownKey, .keyRetired, .unsigned, .algorithmNotAllowed, .missingKeyID: "bad signature: \(rejection.message)"
        case .wrongType(let kind): "not an enrolment token (a \(kind) token)"
        default: rejection.message
        }
    }
}
