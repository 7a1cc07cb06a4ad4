/// A JSON Web Key Set (RFC 7517): what `/.well-known/jwks.json` serves.
public struct JWKSDocument: Codable, Sendable, Hashable {
    public var keys: [PublicJWK]

    public init(keys: [PublicJWK]) {
        self.keys = keys
    }
}
