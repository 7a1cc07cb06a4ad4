import JWTKit

/// The claims every token of the manager carries, read first so the verifier can say
/// which rule failed before decoding the full payload.
struct CommonClaims: JWTPayload {
    let iss: String
    /// Absent in agent credentials, which are valid at any gateway.
    let aud: String?
    let exp: Int64
    let iat: Int64
    let typ: String

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
