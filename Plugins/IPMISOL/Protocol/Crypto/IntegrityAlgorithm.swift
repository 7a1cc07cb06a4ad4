import Crypto

/// Session integrity algorithms (IPMI v2.0 table 13-18).
enum IntegrityAlgorithm: UInt8, Sendable {
    case none = 0x00
    case hmacSHA1_96 = 0x01
    case hmacMD5_128 = 0x02
    case md5_128 = 0x03
    case hmacSHA256_128 = 0x04

    /// Length of the AuthCode field in the session trailer.
    var authCodeLength: Int {
        switch self {
        case .none: return 0
        case .hmacSHA1_96: return 12
        case .hmacMD5_128, .md5_128, .hmacSHA256_128: return 16
        }
    }

    /// The AuthCode over `data` (session header through Next Header), keyed with K1
    /// (IPMI v2.0 section 13.28.4). Returns nil for algorithms this client does not implement.
    func authCode(k1: [UInt8], data: [UInt8]) -> [UInt8]? {
        let key = SymmetricKey(data: k1)
        switch self {
        case .none:
            return []
        case .hmacSHA1_96:
            return Array(Array(HMAC<Insecure.SHA1>.authenticationCode(for: data, using: key)).prefix(12))
        case .hmacSHA256_128:
            return Array(Array(HMAC<SHA256>.authenticationCode(for: data, using: key)).prefix(16))
        case .hmacMD5_128, .md5_128:
            return nil
        }
    }
}
