import Foundation
import GRPCLink
import Kernel

/// The two `tether` nodes of `tether bench link`, joined by the real `link` over TLS on
/// 127.0.0.1: the gateway (listener) runs in this process, which drives the measurements
/// from its bus; the agent (dialler, ``LinkBenchAgentPlugin``) is a child process of the same
/// binary (`tether bench link --agent-manifest`), which also serves the TCP endpoint for the
/// ssh tunnel.
struct LinkBenchNodes {
    static let gatewayNode: NodeID = "bench-gateway"
    static let agentNode: NodeID = "bench-agent"

    let bus: Bus
    let agent: LinkBenchChild
    let agentTCPPort: Int

    /// Runs both nodes while `body` runs; the gateway is shut down afterwards, the agent is
    /// left to `children` (the ssh tunnel still needs its TCP endpoint).
    static func run<T: Sendable>(
        folder: URL, credentials: LinkBenchCredentials, children: LinkBenchChildren, deadline: ContinuousClock.Instant,
        _ body: (LinkBenchNodes) async throws -> T
    ) async throws -> T {
        let linkPort = try VNCBenchChain.freePort(), agentTCPPort = try VNCBenchChain.freePort()
        let token = "bench-\(UUID().uuidString)"
        let gatewayYAML = """
            role: bench-gateway
            plugins:
              - use: link
                with:
                  listen: "127.0.0.1:\(linkPort)"
                  certificate: "\(credentials.serverCertificate)"
                  privateKey: "\(credentials.serverKey)"
                  acceptedTokens: ["\(token)"]
            """
        let agentManifest = folder.appendingPathComponent("agent.yaml")
        try """
            role: bench-agent
            plugins:
              - use: link
                with:
                  dial: "127.0.0.1:\(linkPort)"
                  trustRoots: "\(credentials.caCertificate)"
                  token: "\(token)"
              - use: \(LinkBenchAgentPlugin.id)

            """.write(to: agentManifest, atomically: true, encoding: .utf8)
        let root = URL(fileURLWithPath: "/")
        let gateway = RoleRunner(
            role: try Role(yaml: gatewayYAML, registry: try PluginRegistry([GRPCLinkPlugin.self]), node: gatewayNode, baseDirectory: root),
            logger: .init(label: "bench"), handleSignals: false)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await gateway.run() }
            do {
                await gateway.status.waitUntilReady()
                let agent = try LinkBenchChild(
                    "agent", executable: selfExecutable(),
                    arguments: [
                        "bench", "link", "--agent-manifest", agentManifest.path, "--agent-tcp-port", "\(agentTCPPort)",
                    ],
                    log: folder.appendingPathComponent("agent.log"))
                children.add(agent)
                let limit = min(deadline, ContinuousClock.now + .seconds(30))
                for _ in 0..<3000 where gateway.bus.linkedNodes[agentNode] == nil {
                    guard agent.isRunning else { throw LinkBenchError.failed("the agent exited before linking; its log:\n\(agent.logTail)") }
                    guard ContinuousClock.now < limit else { throw LinkBenchError.timeout("the agent linking to the gateway; its log:\n\(agent.logTail)") }
                    try await Task.sleep(for: .milliseconds(10))
                }
                let probe = LinkBenchTCPClient(port: agentTCPPort, deadline: limit)
                for _ in 0..<1000 where await !probe.reachesEndpoint() {
                    guard ContinuousClock.now < limit else { throw LinkBenchError.timeout("the agent's TCP endpoint on 127.0.0.1:\(agentTCPPort)") }
                    try await Task.sleep(for: .milliseconds(10))
                }
                let result = try await body(LinkBenchNodes(bus: gateway.bus, agent: agent, agentTCPPort: agentTCPPort))
                await gateway.shutdown()
                try await group.waitForAll()
                return result
            } catch {
                await gateway.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    /// This `tether` binary.
    static func selfExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
