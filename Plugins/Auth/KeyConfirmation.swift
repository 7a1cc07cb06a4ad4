/// RFC 7800's `cnf` claim: the key whose holder the token is about.
public struct KeyConfirmation: Codable, Sendable, Hashable {
    /// An EC P-256 public key (`kty`, `crv`, `x`, `y`).
    public var jwk: PublicJWK

    public init(jwk: PublicJWK) {
        self.jwk = jwk
    }
}
