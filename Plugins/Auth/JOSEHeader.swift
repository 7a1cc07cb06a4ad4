import Contracts
import Foundation

/// The protected header of a compact JWS, read before any key is chosen so that `alg: none`
/// and algorithm confusion are refused by name, not by accident.
struct JOSEHeader: Decodable {
    let alg: String?
    let kid: String?

    /// Splits the compact form and reads the header.
    static func parse(_ token: String) throws(TokenRejection) -> (header: JOSEHeader, payload: Data) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("expected three dot-separated parts, got \(parts.count)") }
        guard let headerBytes = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]) else {
            throw .malformed("a part is not base64url")
        }
        guard let header = try? JSONDecoder().decode(JOSEHeader.self, from: headerBytes) else {
            throw .malformed("the header is not a JSON object")
        }
        return (header, payload)
    }
}
