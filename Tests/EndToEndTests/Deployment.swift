import Foundation
import KernelTesting

/// Manager, gateways and agents as separate `tether` processes on loopback, every hop in TLS
/// with one throw-away CA: agent -> gateway over the gRPC link, gateway -> manager for the
/// JWKS, clients -> manager API and gateway API over HTTPS.
final class Deployment: Sendable {
    struct Gateway: Sendable {
        let name: String
        let apiPort: Int
        let linkPort: Int
        var url: String { "https://127.0.0.1:\(apiPort)" }
    }

    let lab: Lab
    let certificates: TestCertificates
    let folder: URL
    let managerPort = FreePort.find()
    let adminPassword = "e2e-admin-\(UUID().uuidString.prefix(8))"
    let viewerPassword = "e2e-viewer-\(UUID().uuidString.prefix(8))"
    var managerURL: String { "https://127.0.0.1:\(managerPort)" }

    init(lab: Lab) throws {
        self.lab = lab
        certificates = try TestCertificates.make()
        folder = certificates.folder
        try "e2e-link-token-\(UUID().uuidString)".write(to: folder.appendingPathComponent("link.token"), atomically: true, encoding: .utf8)
        try adminPassword.write(to: folder.appendingPathComponent("admin.password"), atomically: true, encoding: .utf8)
        try viewerPassword.write(to: folder.appendingPathComponent("viewer.password"), atomically: true, encoding: .utf8)
    }

    func remove() { certificates.remove() }

    static func gateway(_ name: String) -> Gateway { Gateway(name: name, apiPort: FreePort.find(), linkPort: FreePort.find()) }

    /// The manager: `auth` (`storage`, default SQLite in the test folder) and `api` over HTTPS; `servers` maps
    /// each lab server to its gateway. Users: admin (superadmin), vera (viewer of tenant lab).
    func startManager(servers: [(id: String, gateway: String)], storage: String? = nil) async throws -> RunningTether {
        let list = servers.map { "          - {id: \($0.id), tenant: lab, gateway: \($0.gateway), capabilities: [ipmi, serial-ipmi, vnc-tcp]}" }
        let yaml = """
            role: manager
            node: manager
            plugins:
              - use: auth
                with:
                  storage: "\(storage ?? "sqlite:\(folder.path)/manager.db")"
                  passwordCost: 10
                  bootstrap:
                    tenants: [{id: lab}]
                    users:
                      - {name: admin, passwordFile: "\(folder.path)/admin.password", superadmin: true}
                      - {name: vera, passwordFile: "\(folder.path)/viewer.password", memberships: [{tenant: lab, role: viewer}]}
                    servers:
            \(list.joined(separator: "\n"))
              - use: api
                with: {listen: "127.0.0.1:\(managerPort)", certificateFile: "\(certificates.serverCertificate)", privateKeyFile: "\(certificates.serverKey)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog("auth ready", timeout: .seconds(30))
        try await process.waitForLog("api listening", timeout: .seconds(30))
        return process
    }

    /// A gateway: link listener for agents, offline token verification with the manager's
    /// JWKS, routing and the HTTPS API.
    func startGateway(_ gateway: Gateway) async throws -> RunningTether {
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
              - use: auth
                with: {mode: verify, jwks: "\(managerURL)/.well-known/jwks.json", jwksTrustRoots: "\(certificates.caCertificate)"}
              - use: routing
              - use: gateway-api
                with: {listen: "127.0.0.1:\(gateway.apiPort)", certificateFile: "\(certificates.serverCertificate)", privateKeyFile: "\(certificates.serverKey)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog("gateway API listening", timeout: .seconds(30))
        try await process.waitForLog("link listening", timeout: .seconds(30))
        return process
    }

    /// An agent dialling `gateway`, serving `servers` of the lab with ipmi-sol and vnc-tcp.
    /// It listens on no port.
    func startAgent(_ name: String, gateway: Gateway, servers: [String]) async throws -> RunningTether {
        let entries = try servers.map { id in
            guard let server = lab.server(id) else { throw Lab.Missing() }
            return server
        }
        let ipmi = entries.map {
            "        - {name: \($0.name), host: \($0.ipmi.host), port: \($0.ipmi.port), username: \($0.ipmi.username), passwordFile: \"\($0.ipmi.passwordFile)\"}"
        }
        let vnc = entries.map { "        - {name: \($0.name), host: \($0.vnc.host), port: \($0.vnc.port), passwordFile: \"\($0.vnc.passwordFile)\"}" }
        let yaml = """
            role: agent
            node: \(name)
            plugins:
              - use: link
                with: {dial: "127.0.0.1:\(gateway.linkPort)", trustRoots: "\(certificates.caCertificate)", token: "file:\(folder.path)/link.token", reconnectMaximumSeconds: 1}
              - use: ipmi-sol
                with:
                  servers:
            \(ipmi.joined(separator: "\n"))
              - use: vnc-tcp
                with:
                  servers:
            \(vnc.joined(separator: "\n"))
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog("link established", timeout: .seconds(30))
        return process
    }
}
