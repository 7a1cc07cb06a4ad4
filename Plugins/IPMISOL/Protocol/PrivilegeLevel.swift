/// IPMI session privilege levels (IPMI v2.0 section 6.8).
public enum PrivilegeLevel: UInt8, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case callback = 1
    case user = 2
    case `operator` = 3
    case administrator = 4
    case oem = 5

    public static func < (lhs: PrivilegeLevel, rhs: PrivilegeLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        switch self {
        case .callback: return "CALLBACK"
        case .user: return "USER"
        case .operator: return "OPERATOR"
        case .administrator: return "ADMINISTRATOR"
        case .oem: return "OEM"
        }
    }
}
