/// RMCP+ and RAKP message status codes (IPMI v2.0 table 13-15).
public struct RAKPStatusCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let noErrors = RAKPStatusCode(rawValue: 0x00)
    public static let insufficientResources = RAKPStatusCode(rawValue: 0x01)
    public static let invalidSessionID = RAKPStatusCode(rawValue: 0x02)
    public static let invalidAuthenticationAlgorithm = RAKPStatusCode(rawValue: 0x04)
    public static let invalidIntegrityAlgorithm = RAKPStatusCode(rawValue: 0x05)
    public static let invalidRole = RAKPStatusCode(rawValue: 0x09)
    public static let unauthorizedRole = RAKPStatusCode(rawValue: 0x0A)
    public static let unauthorizedName = RAKPStatusCode(rawValue: 0x0D)
    public static let invalidIntegrityCheckValue = RAKPStatusCode(rawValue: 0x0F)
    public static let invalidConfidentialityAlgorithm = RAKPStatusCode(rawValue: 0x10)
    public static let noCipherSuiteMatch = RAKPStatusCode(rawValue: 0x11)
    public static let illegalParameter = RAKPStatusCode(rawValue: 0x12)

    /// True for the statuses that mean "this cipher suite is not available here".
    var rejectsCipherSuite: Bool {
        [0x04, 0x05, 0x06, 0x07, 0x10, 0x11].contains(rawValue)
    }

    public var name: String {
        switch rawValue {
        case 0x00: return "no errors"
        case 0x01: return "insufficient resources to create a session"
        case 0x02: return "invalid session ID"
        case 0x03: return "invalid payload type"
        case 0x04: return "invalid authentication algorithm"
        case 0x05: return "invalid integrity algorithm"
        case 0x06: return "no matching authentication payload"
        case 0x07: return "no matching integrity payload"
        case 0x08: return "inactive session ID"
        case 0x09: return "invalid role"
        case 0x0A: return "unauthorized role or privilege level requested"
        case 0x0B: return "insufficient resources to create a session at the requested role"
        case 0x0C: return "invalid name length"
        case 0x0D: return "unauthorized name"
        case 0x0E: return "unauthorized GUID"
        case 0x0F: return "invalid integrity check value"
        case 0x10: return "invalid confidentiality algorithm"
        case 0x11: return "no cipher suite match with proposed security algorithms"
        case 0x12: return "illegal or unrecognized parameter"
        default: return "reserved status"
        }
    }

    public var description: String {
        "status 0x\(String(rawValue, radix: 16, uppercase: true)) (\(name))"
    }
}
