import Storage

/// Who is asking, as the manager knows it from the store: the user and its roles.
public struct Principal: Sendable, Hashable {
    public var userID: String
    public var name: String
    public var superadmin: Bool
    /// The user's role in each tenant it belongs to.
    public var roles: [String: TenantRole]

    public init(userID: String, name: String, superadmin: Bool = false, roles: [String: TenantRole] = [:]) {
        self.userID = userID
        self.name = name
        self.superadmin = superadmin
        self.roles = roles
    }

    public init(user: User, memberships: [Membership]) {
        self.init(
            userID: user.id, name: user.name, superadmin: user.superadmin,
            roles: Dictionary(memberships.map { ($0.tenantID, $0.role) }, uniquingKeysWith: max))
    }
}
