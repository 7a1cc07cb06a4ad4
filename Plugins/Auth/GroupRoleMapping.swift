import Storage

/// Turns an identity provider's groups into tenant roles (`groupRoles` in the config).
/// Several groups for one tenant give the strongest role.
public struct GroupRoleMapping: Sendable, Hashable {
    public let groupRoles: [AuthPlugin.GroupRole]
    public let superadminGroups: Set<String>

    public init(groupRoles: [AuthPlugin.GroupRole], superadminGroups: [String] = []) {
        self.groupRoles = groupRoles
        self.superadminGroups = Set(superadminGroups)
    }

    /// The role per tenant for these groups.
    public func roles(for groups: [String]) -> [String: TenantRole] {
        let held = Set(groups)
        var roles: [String: TenantRole] = [:]
        for entry in groupRoles where held.contains(entry.group) {
            roles[entry.tenant] = max(roles[entry.tenant] ?? entry.role, entry.role)
        }
        return roles
    }

    public func isSuperadmin(_ groups: [String]) -> Bool {
        !superadminGroups.isDisjoint(with: groups)
    }

    /// Every tenant the mapping can grant (created at start if missing).
    public var tenants: [String] { Array(Set(groupRoles.map(\.tenant))).sorted() }
}
