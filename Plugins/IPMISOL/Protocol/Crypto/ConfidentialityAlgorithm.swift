/// Session confidentiality algorithms (IPMI v2.0 table 13-19).
enum ConfidentialityAlgorithm: UInt8, Sendable {
    case none = 0x00
    case aesCBC128 = 0x01
    case xRC4_128 = 0x02
    case xRC4_40 = 0x03
}
