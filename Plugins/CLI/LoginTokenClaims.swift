import Foundation

/// What the CLI reads from a login token's payload (for display only: the manager verifies
/// tokens; the CLI never trusts these claims for anything but `whoami` and expiry hints).
struct LoginTokenClaims: Decodable, Equatable {
    var sub: String
    var name: String?
    var exp: Int64
    var typ: String?

    /// The payload of a compact JWT, or nil when `token` is not one.
    static func decode(_ token: String) -> LoginTokenClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count <= 16_384 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? JSONDecoder().decode(LoginTokenClaims.self, from: data)
    }
}
