import Foundation
import KernelTesting

/// A manager, one gateway and agents as separate `tether` processes on loopback with TLS:
/// the gateway admits agents by enrolment token (or a static token), checks enrolment tokens
/// with the manager's JWKS, and relays its audit records to the manager over a second link.
final class EnrolmentDeployment: Sendable {
    let certificates: TestCertificates
    let folder: URL
    let gateway = "gw-1"
    let managerPort = FreePort.find()
    let managerLinkPort = FreePort.find()
    let gatewayLinkPort = FreePort.find()
    let adminPassword = "enrol-admin-\(UUID().uuidString.prefix(8))"
    let staticToken = "static-\(UUID().uuidString)"
    var managerURL: String { "https://127.0.0.1:\(managerPort)" }
    var database: String { folder.appendingPathComponent("manager.db").path }

    init() throws {
        certificates = try TestCertificates.make()
        folder = certificates.folder
        try adminPassword.write(to: file("admin.password"), atomically: true, encoding: .utf8)
        try "manager-link-\(UUID().uuidString)".write(to: file("manager-link.token"), atomically: true, encoding: .utf8)
        try staticToken.write(to: file("static.token"), atomically: true, encoding: .utf8)
    }

    func remove() { certificates.remove() }

    /// Where the agent `node` keeps its key and credential by default.
    func identityFile(_ node: String) -> String { file("\(node).identity.json").path }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// auth (issue) + inventory (stores the gateway's audit records) + a link listener for the
    /// gateway + the HTTPS API.
    func startManager() async throws -> RunningTether {
        let yaml = """
            role: manager
            node: manager
            plugins:
              - use: auth
                with:
                  storage: "sqlite:\(database)"
                  passwordCost: 10
                  bootstrap:
                    users: [{name: admin, passwordFile: "\(file("admin.password").path)", superadmin: true}]
              - use: inventory
                with: {storage: "sqlite:\(database)"}
              - use: link
                with:
                  listen: "127.0.0.1:\(managerLinkPort)"
                  certificate: "\(certificates.serverCertificate)"
                  privateKey: "\(certificates.serverKey)"
                  acceptedTokens: ["file:\(file("manager-link.token").path)"]
              - use: api
                with: {listen: "127.0.0.1:\(managerPort)", certificateFile: "\(certificates.serverCertificate)", privateKeyFile: "\(certificates.serverKey)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog(all: ["auth ready", "api listening", "link listening"], timeout: .seconds(30))
        return process
    }

    /// The gateway: agents' link listener (enrolment tokens and one static token), a link to
    /// the manager, offline verification with the manager's JWKS, and routing (audit relay).
    func startGateway() async throws -> RunningTether {
        let yaml = """
            role: gateway
            node: \(gateway)
            plugins:
              - use: link
                with:
                  listen: "127.0.0.1:\(gatewayLinkPort)"
                  certificate: "\(certificates.serverCertificate)"
                  privateKey: "\(certificates.serverKey)"
                  acceptedTokens: ["file:\(file("static.token").path)"]
                  acceptEnrolmentTokens: true
                  revocationCheckSeconds: 0.5
              - use: link
                as: manager-link
                with: {dial: "127.0.0.1:\(managerLinkPort)", trustRoots: "\(certificates.caCertificate)", token: "file:\(file("manager-link.token").path)", reconnectMaximumSeconds: 1}
              - use: auth
                with: {mode: verify, jwks: "\(managerURL)/.well-known/jwks.json", jwksTrustRoots: "\(certificates.caCertificate)", agentRevocationRefreshSeconds: 1}
              - use: routing
                with: {reportSeconds: 1}
            """
        let process = try await TetherProcess.start(["run", "-", "--log-level", "debug"], yaml: yaml)
        try await process.waitForLog(all: ["link listening", "link established"], timeout: .seconds(30))
        return process
    }

    /// An agent `node` presenting `token` (written to a file, as an operator would), keeping
    /// its identity in `identityFile` (default `NODE.identity.json` in the folder), serving one
    /// console server so that the gateway asks it for its inventory.
    func startAgent(_ node: String, token: String, identityFile: String? = nil) async throws -> RunningTether {
        let tokenFile = file("\(node).jwt")
        try token.write(to: tokenFile, atomically: true, encoding: .utf8)
        let identity = identityFile ?? self.identityFile(node)
        let yaml = """
            role: agent
            node: \(node)
            plugins:
              - use: link
                with: {dial: "127.0.0.1:\(gatewayLinkPort)", trustRoots: "\(certificates.caCertificate)", token: "file:\(tokenFile.path)", identityFile: "\(identity)", reconnectMaximumSeconds: 1}
              - use: vnc-tcp
                with:
                  servers: [{name: \(node)-console, host: 127.0.0.1, port: 5900}]
            """
        return try await TetherProcess.start(["run", "-"], yaml: yaml)
    }
}
