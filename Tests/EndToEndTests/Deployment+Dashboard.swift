import Foundation
import KernelTesting

/// The dashboard scenario: a manager with `auth`, `inventory`, a `link` listener for the
/// gateway, `api` (HTTPS) and `dashboard`; a reporting gateway that also runs `session` and
/// `webui`, with its API in plain HTTP so the browser's console works without trusting the
/// test CA. Tenants `lab` (lab-01) and `acme` (lab-02); users admin (superadmin), tina
/// (admin of lab), vera (viewer of lab).
extension Deployment {
    struct DashboardPorts: Sendable {
        let dashboard = FreePort.find()
        let webui = FreePort.find()
        var dashboardURL: String { "http://127.0.0.1:\(dashboard)" }
    }

    var tenantAdminPassword: String { "e2e-tina-" + String(adminPassword.suffix(8)) }

    func startDashboardManager(gateway: Gateway, ports: DashboardPorts) async throws -> RunningTether {
        try "e2e-manager-link-\(UUID().uuidString)".write(to: managerLinkToken, atomically: true, encoding: .utf8)
        try tenantAdminPassword.write(to: folder.appendingPathComponent("tina.password"), atomically: true, encoding: .utf8)
        let yaml = """
            role: manager
            node: manager
            plugins:
              - use: auth
                with:
                  storage: "sqlite:\(folder.path)/manager.db"
                  passwordCost: 10
                  bootstrap:
                    tenants: [{id: lab}, {id: acme}]
                    users:
                      - {name: admin, passwordFile: "\(folder.path)/admin.password", superadmin: true}
                      - {name: tina, passwordFile: "\(folder.path)/tina.password", memberships: [{tenant: lab, role: admin}]}
                      - {name: vera, passwordFile: "\(folder.path)/viewer.password", memberships: [{tenant: lab, role: viewer}]}
                    servers:
                      - {id: lab-01, tenant: lab}
                      - {id: lab-02, tenant: acme}
              - use: inventory
                with: {storage: "sqlite:\(folder.path)/manager.db"}
              - use: link
                with:
                  listen: "127.0.0.1:\(managerLinkPort)"
                  certificate: "\(certificates.serverCertificate)"
                  privateKey: "\(certificates.serverKey)"
                  acceptedTokens: ["file:\(managerLinkToken.path)"]
              - use: api
                with: {listen: "127.0.0.1:\(managerPort)", certificateFile: "\(certificates.serverCertificate)", privateKeyFile: "\(certificates.serverKey)"}
              - use: dashboard
                with:
                  listen: "127.0.0.1:\(ports.dashboard)"
                  gateways: [{id: \(gateway.name), url: "http://127.0.0.1:\(gateway.apiPort)"}]
                  auditPageSize: 3
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        for line in ["auth ready", "inventory ready", "api listening", "dashboard listening"] {
            try await process.waitForLog(line, timeout: .seconds(30))
        }
        return process
    }

    func startDashboardGateway(_ gateway: Gateway, ports: DashboardPorts) async throws -> RunningTether {
        let webui = "http://127.0.0.1:\(ports.webui)"
        let yaml = """
            role: gateway
            node: \(gateway.name)
            plugins:
              - use: link
                with:
                  listen: "127.0.0.1:\(gateway.linkPort)"
                  certificate: "\(certificates.serverCertificate)"
                  privateKey: "\(certificates.serverKey)"
                  acceptedTokens: ["file:\(folder.path)/link.token"]
              - use: link
                as: manager-link
                with: {dial: "127.0.0.1:\(managerLinkPort)", trustRoots: "\(certificates.caCertificate)", token: "file:\(managerLinkToken.path)", reconnectMaximumSeconds: 1}
              - use: auth
                with: {mode: verify, jwks: "\(managerURL)/.well-known/jwks.json", jwksTrustRoots: "\(certificates.caCertificate)"}
              - use: routing
                with: {reportSeconds: 1}
              - use: session
                with: {viewerURL: "\(webui)"}
              - use: gateway-api
                with: {listen: "127.0.0.1:\(gateway.apiPort)", allowedOrigins: ["\(webui)"]}
              - use: webui
                with: {listen: "127.0.0.1:\(ports.webui)", gatewayURL: "http://127.0.0.1:\(gateway.apiPort)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        for line in ["gateway API listening", "link listening", "web console listening"] {
            try await process.waitForLog(line, timeout: .seconds(30))
        }
        return process
    }
}
