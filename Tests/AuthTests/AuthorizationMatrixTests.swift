import Auth
import Storage
import Testing

/// Every role x every action x a server of the own tenant, another tenant, and no tenant.
@Suite struct AuthorizationMatrixTests {
    enum Who: String, CaseIterable, Sendable { case admin, `operator`, viewer, noRole, superadmin }
    enum Whose: String, CaseIterable, Sendable { case own, other, unassigned }

    static let cases: [(Who, ServerAction, Whose)] = Who.allCases.flatMap { who in
        ServerAction.allCases.flatMap { action in Whose.allCases.map { (who, action, $0) } }
    }

    /// The expectation, written out independently of the implementation.
    static func expected(_ who: Who, _ action: ServerAction, _ whose: Whose) -> String {
        if who == .superadmin { return "allowed" }
        guard whose == .own, who != .noRole else { return "invisible" }
        let allowed: [Who: Set<ServerAction>] = [
            .admin: [.power, .console, .vnc, .proxy, .view],
            .operator: [.power, .console, .vnc, .view],
            .viewer: [.view],
        ]
        return allowed[who, default: []].contains(action) ? "allowed" : "denied"
    }

    static func principal(_ who: Who) -> Principal {
        switch who {
        case .admin: Principal(userID: "u", name: "u", roles: ["acme": .admin])
        case .operator: Principal(userID: "u", name: "u", roles: ["acme": .operator])
        case .viewer: Principal(userID: "u", name: "u", roles: ["acme": .viewer])
        case .noRole: Principal(userID: "u", name: "u")
        case .superadmin: Principal(userID: "u", name: "u", superadmin: true)
        }
    }

    static func server(_ whose: Whose) -> ManagedServer {
        switch whose {
        case .own: ManagedServer(id: "web-01", tenantID: "acme", gatewayID: "gw")
        case .other: ManagedServer(id: "db-01", tenantID: "globex", gatewayID: "gw")
        case .unassigned: ManagedServer(id: "new-01", tenantID: nil, gatewayID: "gw")
        }
    }

    @Test(arguments: cases)
    func decision(_ who: Who, _ action: ServerAction, _ whose: Whose) {
        let decision = Authorization().decide(Self.principal(who), action, on: Self.server(whose))
        let outcome: String
        switch decision {
        case .allowed: outcome = "allowed"
        case .denied: outcome = "denied"
        case .invisible: outcome = "invisible"
        }
        #expect(outcome == Self.expected(who, action, whose))
    }

    @Test func listingShowsOnlyTheCallersTenants() {
        let authorization = Authorization()
        let servers = Whose.allCases.map(Self.server)
        for who in Who.allCases {
            let visible = servers.filter { authorization.canSee(Self.principal(who), $0) }.map(\.id)
            switch who {
            case .superadmin: #expect(visible == ["web-01", "db-01", "new-01"])
            case .noRole: #expect(visible.isEmpty)
            default: #expect(visible == ["web-01"], "\(who)")
            }
        }
        #expect(authorization.visibleTenants(Self.principal(.operator)) == ["acme"])
        #expect(authorization.visibleTenants(Self.principal(.superadmin)) == nil)
    }
}
