import Crypto

/// RAKP authentication algorithms (IPMI v2.0 table 13-17).
enum AuthenticationAlgorithm: UInt8, Sendable {
    case none = 0x00
    case hmacSHA1 = 0x01
    case hmacMD5 = 0x02
    case hmacSHA256 = 0x03

    /// Length of the RAKP 2/3 key exchange authentication codes and of SIK, K1, K2.
    var keyLength: Int {
        switch self {
        case .none: return 0
        case .hmacMD5: return 16
        case .hmacSHA1: return 20
        case .hmacSHA256: return 32
        }
    }

    /// Length of the RAKP 4 integrity check value (HMAC-SHA1-96 / HMAC-SHA256-128).
    var integrityCheckValueLength: Int {
        switch self {
        case .none: return 0
        case .hmacMD5: return 16
        case .hmacSHA1: return 12
        case .hmacSHA256: return 16
        }
    }

    /// Full-length HMAC with this algorithm's hash.
    func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let symmetricKey = SymmetricKey(data: key)
        switch self {
        case .none:
            return []
        case .hmacSHA1:
            return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: symmetricKey))
        case .hmacMD5:
            return Array(HMAC<Insecure.MD5>.authenticationCode(for: message, using: symmetricKey))
        case .hmacSHA256:
            return Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetricKey))
        }
    }
}
