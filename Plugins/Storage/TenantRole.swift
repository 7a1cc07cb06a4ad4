/// A user's role in one tenant.
public enum TenantRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Everything in the tenant, including the raw BMC proxy.
    case admin
    /// Power and consoles.
    case `operator`
    /// Read-only console observation and status.
    case viewer

    /// admin > operator > viewer.
    public static func < (lhs: TenantRole, rhs: TenantRole) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .operator: 1
        case .admin: 2
        }
    }
}
