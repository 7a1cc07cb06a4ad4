import JWTKit

/// The payload of a server-scoped session token (audience: the gateway that serves the server).
public struct SessionClaims: JWTPayload, Hashable {
    public var iss: String
    /// The user ID.
    public var sub: String
    /// The gateway node that accepts this token.
    public var aud: String
    public var exp: Int64
    public var iat: Int64
    public var jti: String
    public var typ: TokenKind
    public var tenant: String
    public var server: String
    /// What the holder may do on `server`.
    public var actions: [ServerAction]

    public init(
        iss: String, sub: String, aud: String, exp: Int64, iat: Int64, jti: String, tenant: String, server: String, actions: [ServerAction]
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.exp = exp
        self.iat = iat
        self.jti = jti
        self.typ = .session
        self.tenant = tenant
        self.server = server
        self.actions = actions
    }

    /// Checked by ``TokenVerifier`` with its own clock and distinct errors.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
