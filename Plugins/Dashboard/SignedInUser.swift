import Auth

/// Who a dashboard session stands for, as the manager answered `manager.authenticate` at login.
struct SignedInUser: Sendable, Hashable {
    let name: String
    let superadmin: Bool
    /// The tenants this user administers.
    let adminTenants: [String]

    /// Superadmins and tenant admins may use the dashboard; nil for anyone else.
    init?(_ reply: Manager.Authenticate.Reply) {
        let tenants = reply.roles.filter { $0.value == .admin }.map(\.key).sorted()
        guard reply.superadmin || !tenants.isEmpty else { return nil }
        name = reply.name
        superadmin = reply.superadmin
        adminTenants = tenants
    }

    init(name: String, superadmin: Bool, adminTenants: [String]) {
        self.name = name
        self.superadmin = superadmin
        self.adminTenants = adminTenants
    }

    /// "superadmin" or "admin of lab, acme", for the top bar.
    var roleDescription: String { superadmin ? "superadmin" : "admin of \(adminTenants.joined(separator: ", "))" }
}
