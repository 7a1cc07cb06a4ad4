import Foundation

/// The `iat` of a credential the listener has already verified (read without checking it
/// again), to compare with revocations later.
enum CredentialIssuedAt {
    private struct Payload: Decodable {
        var iat: Int64?
    }

    static func of(_ credential: String) -> Int64? {
        let parts = credential.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let json = Base64URL.decode(parts[1]) else { return nil }
        return (try? JSONDecoder().decode(Payload.self, from: json))?.iat
    }
}
