/// A user's role in one tenant.
public struct Membership: Sendable, Hashable, Codable {
    public var userID: String
    public var tenantID: String
    public var role: TenantRole

    public init(userID: String, tenantID: String, role: TenantRole) {
        self.userID = userID
        self.tenantID = tenantID
        self.role = role
    }
}
