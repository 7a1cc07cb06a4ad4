import Foundation
import GRPCLink
import GatewayAPI
import Kernel
import VNCTCP

/// A gateway node (`link` listener, `gateway-api`, bench auth and routing) and an agent node
/// (`link` dialler, `vnc-tcp` to the bench's VNC server) in this process, joined by the real
/// gRPC link over loopback: the path a browser's noVNC takes.
struct VNCBenchChain {
    let gatewayPort: Int

    /// Runs both nodes with `compressStreams` on both links while `body` runs.
    static func run<T: Sendable>(vncPort: Int, compressStreams: Bool, _ body: (VNCBenchChain) async throws -> T) async throws -> T {
        let linkPort = try freePort(), gatewayPort = try freePort()
        let registry = try PluginRegistry([
            GRPCLinkPlugin.self, GatewayAPIPlugin.self, VNCTCPPlugin.self, VNCBenchAuthPlugin.self, VNCBenchRouterPlugin.self,
        ])
        let gatewayYAML = """
            role: gateway
            plugins:
              - use: link
                with: {listen: "127.0.0.1:\(linkPort)", insecure: true, acceptedTokens: [bench-link], compressStreams: \(compressStreams)}
              - use: vnc-bench-auth
              - use: vnc-bench-router
              - use: gateway-api
                with: {listen: "127.0.0.1:\(gatewayPort)"}
            """
        let agentYAML = """
            role: agent
            plugins:
              - use: link
                with: {dial: "127.0.0.1:\(linkPort)", insecure: true, token: bench-link, compressStreams: \(compressStreams)}
              - use: vnc-tcp
                with: {servers: [{name: \(VNCBenchAuthPlugin.server), host: 127.0.0.1, port: \(vncPort)}], maxSessionsPerServer: 4}
            """
        let root = URL(fileURLWithPath: "/")
        let gateway = RoleRunner(
            role: try Role(yaml: gatewayYAML, registry: registry, node: "bench-gateway", baseDirectory: root), logger: .init(label: "bench"),
            handleSignals: false)
        let agent = RoleRunner(
            role: try Role(yaml: agentYAML, registry: registry, node: VNCBenchRouterPlugin.agent, baseDirectory: root), logger: .init(label: "bench"),
            handleSignals: false)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await gateway.run() }
            group.addTask { try await agent.run() }
            await gateway.status.waitUntilReady()
            await agent.status.waitUntilReady()
            do {
                let deadline = ContinuousClock.now + .seconds(20)
                while gateway.bus.linkedNodes[VNCBenchRouterPlugin.agent] == nil {
                    guard ContinuousClock.now < deadline else { throw VNCBenchFailure(description: "the bench agent never linked to the gateway") }
                    try await Task.sleep(for: .milliseconds(10))
                }
                let result = try await body(VNCBenchChain(gatewayPort: gatewayPort))
                await agent.shutdown()
                await gateway.shutdown()
                try await group.waitForAll()
                return result
            } catch {
                await agent.shutdown()
                await gateway.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    /// A free TCP port on 127.0.0.1 (bound and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw VNCBenchFailure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        guard bound == 0, named == 0 else { throw VNCBenchFailure(description: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
