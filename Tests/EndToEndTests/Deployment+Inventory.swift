import Foundation
import KernelTesting
import Synchronization

/// The manager and gateways of the live-inventory scenario: the manager also runs
/// `inventory`, a `link` listener for gateways (their own token, never the agents') and the
/// JSON-lines audit export; a gateway dials it with a second `link` (`as: manager-link`).
extension Deployment {
    /// The manager's link listener port for this deployment (one per deployment folder).
    var managerLinkPort: Int { Self.managerLinkPorts.port(for: folder.path) }
    /// The manager's JSON-lines audit export.
    var auditLogFile: URL { folder.appendingPathComponent("audit.jsonl") }
    var managerLinkToken: URL { folder.appendingPathComponent("manager-link.token") }

    /// `servers` go to tenant lab without a gateway: the gateway comes from the reports; a
    /// server not listed is learned unassigned.
    func startReportingManager(tenantServers: [String], missedHeartbeats: Int = 3) async throws -> RunningTether {
        try "e2e-manager-link-\(UUID().uuidString)".write(to: managerLinkToken, atomically: true, encoding: .utf8)
        let list = tenantServers.map { "          - {id: \($0), tenant: lab}" }
        let yaml = """
            role: manager
            node: manager
            plugins:
              - use: auth
                with:
                  storage: "sqlite:\(folder.path)/manager.db"
                  passwordCost: 10
                  auditLogFile: "\(auditLogFile.path)"
                  auditLogPollMilliseconds: 200
                  bootstrap:
                    tenants: [{id: lab}]
                    users:
                      - {name: admin, passwordFile: "\(folder.path)/admin.password", superadmin: true}
                      - {name: vera, passwordFile: "\(folder.path)/viewer.password", memberships: [{tenant: lab, role: viewer}]}
                    servers:
            \(list.joined(separator: "\n"))
              - use: inventory
                with: {storage: "sqlite:\(folder.path)/manager.db", missedHeartbeats: \(missedHeartbeats)}
              - use: link
                with:
                  listen: "127.0.0.1:\(managerLinkPort)"
                  certificate: "\(certificates.serverCertificate)"
                  privateKey: "\(certificates.serverKey)"
                  acceptedTokens: ["file:\(managerLinkToken.path)"]
              - use: api
                with: {listen: "127.0.0.1:\(managerPort)", certificateFile: "\(certificates.serverCertificate)", privateKeyFile: "\(certificates.serverKey)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog("auth ready", timeout: .seconds(30))
        try await process.waitForLog("inventory ready", timeout: .seconds(30))
        try await process.waitForLog("api listening", timeout: .seconds(30))
        return process
    }

    /// A gateway as `startGateway`, plus a second link dialling the manager; routing reports
    /// every `reportSeconds` (and at once on a change).
    func startReportingGateway(_ gateway: Gateway, reportSeconds: Int) async throws -> RunningTether {
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
                with: {reportSeconds: \(reportSeconds)}
              - use: gateway-api
                with: {listen: "127.0.0.1:\(gateway.apiPort)", certificateFile: "\(certificates.serverCertificate)", privateKeyFile: "\(certificates.serverKey)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog("gateway API listening", timeout: .seconds(30))
        try await process.waitForLog("link listening", timeout: .seconds(30))
        return process
    }

    private static let managerLinkPorts = PortBook()
}

/// One free port per key, found once.
final class PortBook: Sendable {
    private let ports = Mutex<[String: Int]>([:])
    func port(for key: String) -> Int {
        ports.withLock { ports in
            if let port = ports[key] { return port }
            let port = FreePort.find()
            ports[key] = port
            return port
        }
    }
}
