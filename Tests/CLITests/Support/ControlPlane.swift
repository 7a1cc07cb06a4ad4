import Foundation
import LabTesting
import KernelTesting

/// One `tether run` process with the manager (`auth` + `api`) and the gateway (`routing` +
/// `gateway-api`, and `ipmi-sol` when a lab BMC is given) on free loopback ports, with the
/// users oscar (operator) and vera (viewer) of tenant acme and the server lab-01, and a
/// private XDG config/state folder for the CLI. With `grpc` the gateway also serves its gRPC
/// API (`grpcListen`), which the terminal console then uses; `sessionLifetimeSeconds` is the
/// manager's (a console's lease); with `certificates` the gateway serves HTTPS (and gRPC over
/// TLS) as `https://localhost:PORT`.
struct ControlPlane: Sendable {
    static let node = "cli-test"
    static let passwords = ["OSCAR_PASSWORD": "oscar-secret-1", "VERA_PASSWORD": "vera-secret-1"]

    let managerURL: String
    let gatewayURL: String
    let folder: URL
    let role: RunningTether

    /// The CLI's environment: private XDG folders, nothing inherited that could change the outcome.
    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path,
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
            "TETHER_MANAGER": managerURL, "TERM": "xterm",
        ]
    }

    var credentialsFile: URL { folder.appendingPathComponent("state/tether/credentials.json") }

    struct BMC: Sendable {
        var port: Int
        var passwordFile: String
    }

    static func with<T>(bmc: BMC? = nil, oidcIssuer: String? = nil, grpc: Bool = false, sessionLifetimeSeconds: Int = 300, certificates: TestCertificates? = nil, _ body: (ControlPlane) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/tether"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let apiPort = FreePort.find()
        let gatewayPort = FreePort.find()
        let grpcPort = grpc ? FreePort.find() : nil
        let manifest = folder.appendingPathComponent("role.yaml")
        try yaml(folder: folder, apiPort: apiPort, gatewayPort: gatewayPort, grpcPort: grpcPort, bmc: bmc, oidcIssuer: oidcIssuer, sessionLifetimeSeconds: sessionLifetimeSeconds, certificates: certificates)
            .write(to: manifest, atomically: true, encoding: .utf8)
        // The manager does not know gateway URLs: the CLI's config file maps the gateway ID.
        let gatewayURL = certificates == nil ? "http://127.0.0.1:\(gatewayPort)" : "https://localhost:\(gatewayPort)"
        try #"{"gateways": {"\#(node)": "\#(gatewayURL)"}}"#.write(
            to: folder.appendingPathComponent("config/tether/config.json"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment.merge(passwords) { $1 }
        let role = try await TetherProcess.start(["run", manifest.path], environment: environment)
        defer { role.stop() }
        var ready = ["auth ready", "api listening", "gateway API listening"]
        if bmc != nil { ready.append("routing.servers=1") }
        if grpc { ready.append("gateway gRPC listening") }
        try await role.waitForLog(all: ready, timeout: .seconds(30))
        return try await body(ControlPlane(managerURL: "http://127.0.0.1:\(apiPort)", gatewayURL: gatewayURL, folder: folder, role: role))
    }

    static func yaml(folder: URL, apiPort: Int, gatewayPort: Int, grpcPort: Int? = nil, bmc: BMC?, oidcIssuer: String?, sessionLifetimeSeconds: Int = 300, certificates: TestCertificates? = nil
    ) -> String {
        let agent = bmc.map {
            """
              - use: ipmi-sol
                with:
                  servers:
                    - {name: lab-01, host: 127.0.0.1, port: \($0.port), username: admin, passwordFile: \($0.passwordFile), timeoutSeconds: 5}

            """
        } ?? ""
        let oidc = oidcIssuer.map {
            """
                  oidc:
                    issuer: "\($0)"
                    clientID: tether-cli
                    clientSecret: any-secret
                    redirectURI: "http://127.0.0.1:\(apiPort)/v1/oidc/callback"
                    groupRoles: [{group: bmc-admins, tenant: acme, role: admin}, {group: bmc-viewers, tenant: acme, role: viewer}]

            """
        } ?? ""
        return """
            role: all-in-one
            node: \(node)
            plugins:
              - use: auth
                with:
                  storage: "sqlite:\(folder.path)/manager.db"
                  passwordCost: 10
                  sessionLifetimeSeconds: \(sessionLifetimeSeconds)
                  rateLimit: {failuresPerAccount: 50, attemptsPerSource: 1000}
            \(oidc)      bootstrap:
                    tenants: [{id: acme, name: Acme}]
                    users:
                      - {name: oscar, password: "${OSCAR_PASSWORD}", memberships: [{tenant: acme, role: operator}]}
                      - {name: vera, password: "${VERA_PASSWORD}", memberships: [{tenant: acme, role: viewer}]}
                    servers:
                      - {id: lab-01, tenant: acme, gateway: \(node), capabilities: [ipmi, serial-ipmi]}
            \(agent)  - use: api
                with: {listen: "127.0.0.1:\(apiPort)"}
              - use: routing
              - use: session
                with: {viewerURL: "http://127.0.0.1:1"}
              - use: gateway-api
                with: {listen: "127.0.0.1:\(gatewayPort)"\(grpcPort.map { #", grpcListen: "127.0.0.1:\#($0)""# } ?? "")\(
                    certificates.map { #", certificateFile: "\#($0.serverCertificate)", privateKeyFile: "\#($0.serverKey)""# } ?? "")}
            """
    }

    /// Runs the CLI with this plane's environment (plus `extra`).
    func tether(_ arguments: [String], input: String? = nil, extra: [String: String] = [:]) async throws -> CLIBinary.Result {
        try await CLIBinary.run(arguments, environment: environment.merging(extra) { $1 }, input: input)
    }

    /// `tether login --user NAME --password-stdin`; throws unless it succeeded.
    func login(_ user: String) async throws {
        let result = try await tether(["login", "--user", user, "--password-stdin"], input: (Self.passwords["\(user.uppercased())_PASSWORD"] ?? "") + "\n")
        guard result.status == 0 else { throw CLITestError("login as \(user) failed (\(result.status)): \(result.standardError)") }
    }
}
