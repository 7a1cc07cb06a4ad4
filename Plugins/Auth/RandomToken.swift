import Contracts

/// Unguessable identifiers (state, nonce, PKCE verifiers, token IDs) from the system CSPRNG.
enum RandomToken {
    static func make(bytes count: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
