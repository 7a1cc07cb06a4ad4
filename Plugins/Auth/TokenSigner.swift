import JWTKit

/// Signs tokens with one ES256 key, putting its `kid` in the header.
public struct TokenSigner: Sendable {
    public let kid: String
    private let keys: JWTKeyCollection

    public init(key: SigningKey) async throws(AuthError) {
        do {
            let privateKey = try ES256PrivateKey(pem: key.privateKey.pemRepresentation)
            self.keys = await JWTKeyCollection().add(ecdsa: privateKey, kid: JWKIdentifier(string: key.kid))
        } catch {
            throw .unavailable("cannot load signing key \(key.kid): \(error)")
        }
        self.kid = key.kid
    }

    public func sign(_ payload: some JWTPayload) async throws(AuthError) -> String {
        do {
            return try await keys.sign(payload, kid: JWKIdentifier(string: kid))
        } catch {
            throw .unavailable("cannot sign a token: \(error)")
        }
    }
}
