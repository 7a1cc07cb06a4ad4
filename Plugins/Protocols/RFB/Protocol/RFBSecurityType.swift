/// An RFB security type number (RFC 6143 7.2 and the IANA "RFB Security Types" registry).
/// A struct rather than an enum because servers may offer any value.
public struct RFBSecurityType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// 0: marks a refused connection in RFB 3.3.
    public static let invalid = RFBSecurityType(rawValue: 0)
    /// 1: no authentication.
    public static let none = RFBSecurityType(rawValue: 1)
    /// 2: VNC Authentication (DES challenge-response).
    public static let vncAuthentication = RFBSecurityType(rawValue: 2)
    /// 19: VeNCrypt, TLS wrapping with sub-types.
    public static let veNCrypt = RFBSecurityType(rawValue: 19)

    /// The number and, when known, the registry name, e.g. `"2 (VNC Authentication)"`.
    public var description: String {
        guard let name = Self.names[rawValue] else { return "\(rawValue)" }
        return "\(rawValue) (\(name))"
    }

    private static let names: [UInt8: String] = [
        0: "Invalid", 1: "None", 2: "VNC Authentication", 5: "RA2", 6: "RA2ne", 16: "Tight",
        17: "Ultra", 18: "TLS", 19: "VeNCrypt", 20: "SASL", 21: "MD5", 22: "xvp",
        30: "Apple Diffie-Hellman", 35: "Apple", 113: "MSLogonII", 129: "Unix Login",
    ]
}
