import JWTKit

/// The payload of an agent enrolment token: the agent node `sub` may link to the gateway
/// `aud` until `exp`.
public struct EnrolmentClaims: JWTPayload, Hashable {
    public var iss: String
    /// The agent's node name.
    public var sub: String
    /// The gateway node that admits the agent.
    public var aud: String
    public var exp: Int64
    public var iat: Int64
    public var jti: String
    public var typ: TokenKind

    public init(iss: String, sub: String, aud: String, exp: Int64, iat: Int64, jti: String) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.exp = exp
        self.iat = iat
        self.jti = jti
        self.typ = .enrol
    }

    /// Checked by ``TokenVerifier`` with its own clock and distinct errors.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
