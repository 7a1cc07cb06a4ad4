import Foundation
import KernelTesting
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real `tether` processes on loopback: a manager (`auth` + `api`), a gateway (`auth` in
/// verify mode, `link` listener, `routing`, `gateway-api`) and an agent (`link` dialler
/// through a recording proxy, `vnc-tcp` or `vnc-ws` with `servers`), plus CLI processes on demand.
struct TetherChain: Sendable {
    static let userPassword = "chain-user-secret-1"
    let managerPort: Int
    let gatewayPort: Int
    let manager: RunningTether
    let gateway: RunningTether
    let agent: RunningTether
    let proxy: LoopbackProxy

    /// Starts the chain, runs `body`, stops every process.
    static func run<T: Sendable>(
        servers: [String], bmcPlugin: String = "vnc-tcp", agentEnvironment: [String: String] = [:], compressStreams: Bool = true,
        directory: URL,
        _ body: @Sendable (TetherChain) async throws -> T
    ) async throws -> T {
        let managerPort = FreePort.find(), gatewayPort = FreePort.find(), linkPort = FreePort.find()
        let names = servers.compactMap { $0.firstMatch(of: /name: ([a-z0-9-]+)/)?.1 }.map { "{id: \($0), tenant: acme, gateway: gw-chain}" }
        let environment = ProcessInfo.processInfo.environment
        let manager = try await TetherProcess.start(["run", "-", "--node", "manager-chain", "--log-level", "debug"], yaml: """
            role: manager
            plugins:
              - use: auth
                with:
                  storage: "sqlite:\(directory.path)/manager.db"
                  passwordCost: 10
                  bootstrap:
                    tenants: [{id: acme, name: Acme}]
                    users: [{name: oscar, password: "${CHAIN_USER_PASSWORD}", memberships: [{tenant: acme, role: operator}]}]
                    servers: [\(names.joined(separator: ", "))]
              - use: api
                with: {listen: "127.0.0.1:\(managerPort)"}
            """, environment: environment.merging(["CHAIN_USER_PASSWORD": userPassword]) { $1 })
        defer { manager.terminate() }
        let gateway = try await TetherProcess.start(["run", "-", "--node", "gw-chain", "--log-level", "trace"], yaml: """
            role: gateway
            plugins:
              - use: auth
                with: {mode: verify, jwks: "http://127.0.0.1:\(managerPort)/.well-known/jwks.json"}
              - use: link
                with: {listen: "127.0.0.1:\(linkPort)", insecure: true, acceptedTokens: ["chain-link-token"], compressStreams: \(compressStreams)}
              - use: routing
                with: {refreshSeconds: 1}
              - use: gateway-api
                with: {listen: "127.0.0.1:\(gatewayPort)"}
            """, environment: environment)
        defer { gateway.terminate() }
        try await gateway.waitForLog("link listening", timeout: .seconds(30))
        return try await LoopbackProxy.run(to: linkPort, recordingLimit: 256 << 20) { proxy in
            let agent = try await TetherProcess.start(["run", "-", "--node", "agent-chain", "--log-level", "debug"], yaml: """
                role: agent
                plugins:
                  - use: link
                    with: {dial: "127.0.0.1:\(proxy.port)", insecure: true, token: "chain-link-token", compressStreams: \(compressStreams)}
                  - use: \(bmcPlugin)
                    with: {servers: [\(servers.joined(separator: ", "))], connectTimeoutSeconds: 5}
                """, environment: environment.merging(agentEnvironment) { $1 })
            defer { agent.terminate() }
            try await manager.waitForLog("api listening", timeout: .seconds(30))
            try await gateway.waitForLog("link accepted", timeout: .seconds(30))
            try await gateway.waitForLog("gateway API listening", timeout: .seconds(30))
            let chain = TetherChain(managerPort: managerPort, gatewayPort: gatewayPort, manager: manager, gateway: gateway, agent: agent, proxy: proxy)
            return try await body(chain)
        }
    }

    /// A session token for `server` from the manager (login as the operator, then buy it).
    func sessionToken(for server: String) async throws -> String {
        let login = try await post("/v1/login", body: #"{"username":"oscar","password":"\#(Self.userPassword)"}"#, token: nil)
        guard let loginToken = login["token"] as? String else { throw ChainFailure("login answered \(login)") }
        let session = try await post("/v1/servers/\(server)/session-token", body: "{}", token: loginToken)
        guard let token = (session["token"] as? [String: Any])?["token"] as? String else { throw ChainFailure("session-token answered \(session)") }
        return token
    }

    /// `tether server vnc SERVER --listen 127.0.0.1:PORT`, once it listens.
    func vncListener(server: String, port: Int) async throws -> RunningTether {
        let token = try await sessionToken(for: server)
        let cli = try await TetherProcess.start([
            "server", "vnc", server, "--listen", "127.0.0.1:\(port)", "--gateway", "http://127.0.0.1:\(gatewayPort)", "--token", token,
        ])
        try await cli.waitForLog("point a VNC viewer there", timeout: .seconds(30))
        return cli
    }

    private func post(_ path: String, body: String, token: String?) async throws -> [String: Any] {
        guard let url = URL(string: "http://127.0.0.1:\(managerPort)\(path)") else { throw ChainFailure("bad path \(path)") }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}

struct ChainFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
