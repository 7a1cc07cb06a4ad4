import API
import Auth
import Foundation
import Kernel
import KernelTesting

/// A manager node (`auth` + `api`) on a fresh SQLite file and a free loopback port.
enum APIFixture {
    static let passwords = [
        "ROOT_PASSWORD": "root-secret-1", "ANN_PASSWORD": "ann-secret-1", "OSCAR_PASSWORD": "oscar-secret-1",
        "VERA_PASSWORD": "vera-secret-1", "GUS_PASSWORD": "gus-secret-1",
    ]

    static func password(_ user: String) -> String { passwords["\(user.uppercased())_PASSWORD"] ?? "" }

    static func yaml(port: Int, storage: String, oidcIssuer: String?, apiSettings: String = "") -> String {
        let oidc = oidcIssuer.map {
            """
                  oidc:
                    issuer: "\($0)"
                    clientID: tether-web
                    clientSecret: any-secret
                    redirectURI: "http://127.0.0.1:\(port)/v1/oidc/callback"
                    groupRoles: [{group: bmc-admins, tenant: acme, role: admin}, {group: bmc-viewers, tenant: acme, role: viewer}]

            """
        } ?? ""
        return """
            role: manager
            plugins:
              - use: auth
                with:
                  storage: "\(storage)"
                  passwordCost: 10
                  rateLimit: {failuresPerAccount: 50, attemptsPerSource: 1000}
            \(oidc)      bootstrap:
                    tenants: [{id: acme, name: Acme}, {id: globex, name: Globex}]
                    users:
                      - {name: root, password: "${ROOT_PASSWORD}", superadmin: true}
                      - {name: ann, password: "${ANN_PASSWORD}", memberships: [{tenant: acme, role: admin}]}
                      - {name: oscar, password: "${OSCAR_PASSWORD}", memberships: [{tenant: acme, role: operator}]}
                      - {name: vera, password: "${VERA_PASSWORD}", memberships: [{tenant: acme, role: viewer}]}
                      - {name: gus, password: "${GUS_PASSWORD}", memberships: [{tenant: globex, role: admin}]}
                    servers:
                      - {id: web-01, tenant: acme, gateway: gw-eu1, capabilities: [ipmi, serial-ipmi]}
                      - {id: db-01, tenant: globex, gateway: gw-us1}
              - use: api
                with: {listen: "127.0.0.1:\(port)", maxBodyBytes: 4096\(apiSettings)}
            """
    }

    static func run<T: Sendable>(
        port: Int = FreePort.find(), oidcIssuer: String? = nil, backend: APIBackend = .sqlite, apiSettings: String = "",
        _ body: @Sendable (HTTPTestClient, RoleRunner) async throws -> T
    ) async throws -> T {
        try await run(port: port, oidcIssuer: oidcIssuer, storage: try await backend.storage(), apiSettings: apiSettings, body)
    }

    /// The same on a given `storage` setting (a test that also writes to the store itself).
    static func run<T: Sendable>(
        port: Int = FreePort.find(), oidcIssuer: String? = nil, storage: String, apiSettings: String = "",
        _ body: @Sendable (HTTPTestClient, RoleRunner) async throws -> T
    ) async throws -> T {
        try await TestNode.run(
            yaml(port: port, storage: storage, oidcIssuer: oidcIssuer, apiSettings: apiSettings), plugins: [AuthPlugin.self, APIPlugin.self], node: "manager",
            environment: passwords
        ) { node in
            let client = HTTPTestClient(base: "http://127.0.0.1:\(port)")
            try await client.waitUntilUp()
            return try await body(client, node)
        }
    }
}
