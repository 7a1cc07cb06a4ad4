import Auth

/// The servers page's filters (`?tenant=&gateway=&status=`), applied to what the manager
/// already chose for the caller: they narrow the view and never widen it.
struct ServerFilter: Sendable, Hashable {
    enum Status: String, Sendable, Hashable, CaseIterable {
        case online, offline, unknown

        init(_ online: Bool?) {
            self = online.map { $0 ? .online : .offline } ?? .unknown
        }
    }

    /// The tenant value that selects servers without a tenant.
    static let unassigned = "-"

    var tenant: String?
    var gateway: String?
    var status: Status?

    var isEmpty: Bool { tenant == nil && gateway == nil && status == nil }

    init(tenant: String? = nil, gateway: String? = nil, status: Status? = nil) {
        self.tenant = tenant
        self.gateway = gateway
        self.status = status
    }

    /// From the query; empty values mean "all".
    /// - Throws: ``DashboardRefusal`` for an unknown status or an over-long value.
    init(query: [String: String]) throws {
        func value(_ name: String) throws -> String? {
            guard let text = query[name], !text.isEmpty else { return nil }
            guard text.count <= 200 else { throw DashboardRefusal.badRequest("\(name) is at most 200 characters") }
            return text
        }
        tenant = try value("tenant")
        gateway = try value("gateway")
        if let text = try value("status") {
            guard let status = Status(rawValue: text) else { throw DashboardRefusal.badRequest("status must be online, offline or unknown") }
            self.status = status
        }
    }

    func apply(to servers: [Manager.ServerView]) -> [Manager.ServerView] {
        servers.filter { server in
            (tenant.map { $0 == (server.tenant ?? Self.unassigned) } ?? true)
                && (gateway.map { $0 == server.gateway } ?? true)
                && (status.map { $0 == Status(server.online) } ?? true)
        }
    }

    /// The values the selects offer: those present in the servers.
    struct Options: Sendable, Hashable {
        let tenants: [String]
        let gateways: [String]

        init(_ servers: [Manager.ServerView]) {
            tenants = Set(servers.map { $0.tenant ?? ServerFilter.unassigned }).sorted()
            gateways = Set(servers.compactMap(\.gateway)).sorted()
        }
    }
}
