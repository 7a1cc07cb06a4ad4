/// An RFB protocol version that this library speaks (RFC 6143 7.1.1).
public enum RFBProtocolVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    case v3_3
    case v3_7
    case v3_8

    /// The 12-byte ProtocolVersion message, e.g. `"RFB 003.008\n"`.
    public var banner: [UInt8] {
        switch self {
        case .v3_3: Array("RFB 003.003\n".utf8)
        case .v3_7: Array("RFB 003.007\n".utf8)
        case .v3_8: Array("RFB 003.008\n".utf8)
        }
    }

    public var description: String {
        switch self {
        case .v3_3: "3.3"
        case .v3_7: "3.7"
        case .v3_8: "3.8"
        }
    }

    /// Length of every ProtocolVersion message.
    static let bannerLength = 12

    /// The version a client uses with a server that announced `major.minor`.
    ///
    /// 3.7 and 3.8 are used as announced; later 3.x minors (Apple's `3.889`) are answered with
    /// 3.8, and 3.4 to 3.6 are treated as 3.3, as RFC 6143 7.1.1 asks. Other majors are unknown.
    static func clientVersion(forServer major: Int, minor: Int) -> RFBProtocolVersion? {
        guard major == 3 else { return nil }
        switch minor {
        case 3...6: return .v3_3
        case 7: return .v3_7
        case 8...: return .v3_8
        default: return nil
        }
    }

    /// The version a server uses after it announced 3.8 and the client answered `major.minor`.
    /// A client may not answer above the version it was offered, so 3.9 and later are refused.
    static func serverVersion(forClient major: Int, minor: Int) -> RFBProtocolVersion? {
        guard major == 3 else { return nil }
        switch minor {
        case 3...6: return .v3_3
        case 7: return .v3_7
        case 8: return .v3_8
        default: return nil
        }
    }

    /// Parses a 12-byte `"RFB xxx.yyy\n"` message into its major and minor numbers.
    static func parseBanner(_ bytes: [UInt8]) -> (major: Int, minor: Int)? {
        guard bytes.count == bannerLength,
              bytes[0..<4].elementsEqual("RFB ".utf8),
              bytes[7] == UInt8(ascii: "."),
              bytes[11] == UInt8(ascii: "\n"),
              let major = decimal(bytes[4..<7]),
              let minor = decimal(bytes[8..<11])
        else { return nil }
        return (major, minor)
    }

    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
