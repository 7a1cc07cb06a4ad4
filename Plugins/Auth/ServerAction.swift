/// What a session token allows on one server.
public enum ServerAction: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Power on, off, cycle, reset.
    case power
    /// Serial console with input.
    case console
    /// Graphical console.
    case vnc
    /// Raw IPMI/Redfish proxy for the tenant's own tools.
    case proxy
    /// Status and read-only console observation.
    case view

    public static func < (lhs: ServerAction, rhs: ServerAction) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .power: 0
        case .console: 1
        case .vnc: 2
        case .proxy: 3
        case .view: 4
        }
    }
}
