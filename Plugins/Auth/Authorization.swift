import Storage

/// Who may do what on which server. Pure: no store, no clock.
///
/// - superadmin: every action on every server, assigned or not.
/// - admin: every action on the servers of its tenants.
/// - operator: power, consoles (serial and VNC) and view; not the raw proxy.
/// - viewer: view only (status and read-only console observation).
/// - anyone else: the server is invisible (answered as "not found", never "forbidden", so
///   one tenant cannot probe another's server names).
public struct Authorization: Sendable {
    public init() {}

    /// The actions a role grants.
    public func actions(for role: TenantRole) -> Set<ServerAction> {
        switch role {
        case .admin: Set(ServerAction.allCases)
        case .operator: [.power, .console, .vnc, .view]
        case .viewer: [.view]
        }
    }

    /// The actions `principal` holds on `server` (empty when it cannot see it).
    public func actions(of principal: Principal, on server: ManagedServer) -> Set<ServerAction> {
        if principal.superadmin { return Set(ServerAction.allCases) }
        guard let tenant = server.tenantID, let role = principal.roles[tenant] else { return [] }
        return actions(for: role)
    }

    /// Whether `principal` may know that `server` exists.
    public func canSee(_ principal: Principal, _ server: ManagedServer) -> Bool {
        principal.superadmin || server.tenantID.map { principal.roles[$0] != nil } ?? false
    }

    /// The decision for one action.
    public func decide(_ principal: Principal, _ action: ServerAction, on server: ManagedServer) -> AuthorizationDecision {
        guard canSee(principal, server) else { return .invisible }
        if actions(of: principal, on: server).contains(action) { return .allowed }
        let role = server.tenantID.flatMap { principal.roles[$0] }.map(\.rawValue) ?? "no role"
        return .denied("\(role) may not \(action.rawValue) on \(server.id)")
    }

    /// The tenants whose servers `principal` may list: nil means all (superadmin).
    public func visibleTenants(_ principal: Principal) -> [String]? {
        principal.superadmin ? nil : principal.roles.keys.sorted()
    }
}
