/// One public key of a JWKS document. Only EC P-256 keys for ES256 are produced; other
/// members are kept optional so a JWKS with other key types still decodes.
public struct PublicJWK: Codable, Sendable, Hashable {
    public var kty: String
    public var crv: String?
    public var x: String?
    public var y: String?
    public var kid: String?
    public var alg: String?
    public var use: String?

    public init(kty: String, crv: String? = nil, x: String? = nil, y: String? = nil, kid: String? = nil, alg: String? = nil, use: String? = nil) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.y = y
        self.kid = kid
        self.alg = alg
        self.use = use
    }

    /// Whether this is a key a ``TokenVerifier`` accepts: EC P-256, ES256 (or unstated), for signing.
    public var isES256: Bool {
        kty == "EC" && crv == "P-256" && (alg == nil || alg == "ES256") && (use == nil || use == "sig") && x != nil && y != nil && kid != nil
    }
}
