import JWTKit

/// The payload of a login token (audience: the manager).
public struct LoginClaims: JWTPayload, Hashable {
    public var iss: String
    /// The user ID.
    public var sub: String
    public var aud: String
    public var exp: Int64
    public var iat: Int64
    public var jti: String
    public var typ: TokenKind
    /// The user's login name, for display.
    public var name: String
    /// When the user authenticated; refreshing never extends a login beyond the configured age.
    public var authTime: Int64

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, jti, typ, name
        case authTime = "auth_time"
    }

    public init(iss: String, sub: String, aud: String, exp: Int64, iat: Int64, jti: String, name: String, authTime: Int64) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.exp = exp
        self.iat = iat
        self.jti = jti
        self.typ = .login
        self.name = name
        self.authTime = authTime
    }

    /// Checked by ``TokenVerifier`` with its own clock and distinct errors.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
