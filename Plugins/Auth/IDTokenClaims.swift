import JWTKit

/// The standard claims of an OIDC ID token the manager checks (signature by jwt-kit; the
/// rest by ``OIDCLogin`` with its own clock).
struct IDTokenClaims: JWTPayload {
    let iss: String
    let sub: String
    let aud: AudienceClaim
    let exp: Int64
    let iat: Int64?
    let nonce: String?
    let email: String?
    let name: String?
    let preferredUsername: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, email, name
        case preferredUsername = "preferred_username"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
