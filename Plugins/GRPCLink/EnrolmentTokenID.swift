import Foundation

/// The `jti` of an enrolment token, read without verifying it (the dialler only needs to know
/// whether its configured token is one it has redeemed already).
enum EnrolmentTokenID {
    private struct Payload: Decodable {
        var jti: String?
        var typ: String?
    }

    /// The `jti` when `token` is a JWT with `typ: enrol`; nil for anything else.
    static func of(_ token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let json = Base64URL.decode(parts[1]),
            let payload = try? JSONDecoder().decode(Payload.self, from: json), payload.typ == "enrol", let jti = payload.jti, !jti.isEmpty
        else { return nil }
        return jti
    }
}
