import Contracts
import Foundation

/// The claims of a JWT read without checking its signature: only for what the holder already
/// trusts (the agent's own configured token; a credential the listener verified at the hello).
struct UnverifiedClaims: Decodable {
    var jti: String?
    var typ: String?
    var iat: Int64?

    /// The claims of `token`, or nil when it is not a JWT with a JSON payload.
    static func of(_ token: String) -> UnverifiedClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let json = Base64URL.decode(parts[1]) else { return nil }
        return try? JSONDecoder().decode(UnverifiedClaims.self, from: json)
    }

    /// The `jti` when `token` is an enrolment token (`typ: enrol`); nil for anything else.
    static func enrolmentTokenID(_ token: String) -> String? {
        guard let claims = of(token), claims.typ == "enrol", let jti = claims.jti, !jti.isEmpty else { return nil }
        return jti
    }
}
