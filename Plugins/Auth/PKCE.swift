import Contracts
import Crypto
import Foundation

/// A PKCE pair (RFC 7636, S256): the verifier stays with the manager, the challenge goes to
/// the provider.
struct PKCE: Sendable, Hashable {
    let verifier: String

    /// 32 random bytes, base64url: a 43-character verifier.
    static func generate() -> PKCE {
        PKCE(verifier: RandomToken.make(bytes: 32))
    }

    var challenge: String { Base64URL.encode(SHA256.hash(data: Data(verifier.utf8))) }
}
