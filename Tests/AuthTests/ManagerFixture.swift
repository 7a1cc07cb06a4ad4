import Auth
import Foundation
import Kernel
import KernelTesting

/// A manager node with the `auth` plugin on a fresh SQLite file, tenants acme and globex,
/// users of every role and servers in each tenant.
enum ManagerFixture {
    static let passwords = [
        "ROOT_PASSWORD": "root-secret-1", "ANN_PASSWORD": "ann-secret-1", "OSCAR_PASSWORD": "oscar-secret-1",
        "VERA_PASSWORD": "vera-secret-1", "GUS_PASSWORD": "gus-secret-1",
    ]

    static func password(_ user: String) -> String { passwords["\(user.uppercased())_PASSWORD"] ?? "" }

    static func temporaryDatabase() -> String {
        NSTemporaryDirectory() + "tether-auth-\(UUID().uuidString)/manager.db"
    }

    static func yaml(database: String, extra: String = "") -> String {
        """
        role: manager
        plugins:
          - use: auth
            with:
              storage: "sqlite:\(database)"
              passwordCost: 10
        \(extra.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
              bootstrap:
                tenants: [{id: acme, name: Acme}, {id: globex, name: Globex}]
                users:
                  - {name: root, password: "${ROOT_PASSWORD}", superadmin: true}
                  - {name: ann, password: "${ANN_PASSWORD}", memberships: [{tenant: acme, role: admin}]}
                  - {name: oscar, password: "${OSCAR_PASSWORD}", memberships: [{tenant: acme, role: operator}]}
                  - {name: vera, password: "${VERA_PASSWORD}", memberships: [{tenant: acme, role: viewer}]}
                  - {name: gus, password: "${GUS_PASSWORD}", memberships: [{tenant: globex, role: admin}]}
                servers:
                  - {id: web-01, tenant: acme, gateway: gw-eu1, capabilities: [ipmi, serial-ipmi]}
                  - {id: web-02, tenant: acme, gateway: gw-eu1}
                  - {id: db-01, tenant: globex, gateway: gw-us1}
                  - {id: spare-01, gateway: gw-eu1}
        """
    }

    static func run<T: Sendable>(
        database: String = temporaryDatabase(), extra: String = "", plugins: [any Plugin.Type] = [AuthPlugin.self],
        _ body: @Sendable (RoleRunner) async throws -> T
    ) async throws -> T {
        try await TestNode.run(yaml(database: database, extra: extra), plugins: plugins, node: "manager", environment: passwords, body)
    }

    static func login(_ bus: Bus, _ user: String, source: String = "127.0.0.1") async throws -> String {
        try await bus.ask(Manager.Login(username: user, password: password(user), source: source)).token
    }

    /// The stable code of a refusal that crossed the bus.
    static func code(_ error: any Error) -> String? {
        if case BusError.remote(let code, _) = error { return code }
        return (error as? any CodedError)?.code
    }
}
