import JWTKit

/// The payload of an agent's own credential: the node `sub` holds the private half of the key
/// in `cnf` (RFC 7800) until `exp`. Valid at any gateway (no `aud`), only with a proof made
/// with that key (``Contracts/Auth/AgentProof``), and refused once the node is revoked.
public struct AgentCredentialClaims: JWTPayload, Hashable {
    public var iss: String
    /// The agent's node name.
    public var sub: String
    public var exp: Int64
    public var iat: Int64
    /// The credential ID (audit records and revocation name it).
    public var jti: String
    public var typ: TokenKind
    /// The agent's public key.
    public var cnf: KeyConfirmation

    public init(iss: String, sub: String, exp: Int64, iat: Int64, jti: String, key: PublicJWK) {
        self.iss = iss
        self.sub = sub
        self.exp = exp
        self.iat = iat
        self.jti = jti
        self.typ = .agent
        self.cnf = KeyConfirmation(jwk: key)
    }

    /// Checked by ``TokenVerifier`` with its own clock and distinct errors.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
