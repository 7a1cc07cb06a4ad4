import Contracts
import Kernel
import KernelTesting
import Testing

@testable import Routing

@Suite struct RoutingPluginTests {
    let plugins: [any Plugin.Type] = [RoutingPlugin.self, FakeBMCPlugin.self]
    let gatewayYAML = "role: gateway\nplugins: [{use: routing, with: {refreshSeconds: 1, askTimeoutSeconds: 2}}]"

    func agentYAML(_ servers: [String]) -> String {
        "role: agent\nplugins: [{use: fake-bmc, with: {servers: [\(servers.joined(separator: ", "))]}}]"
    }

    /// Polls routing (bounded, 30 s: generous for a loaded CI machine) until `server` is known
    /// with the given online state.
    func waitUntil(_ bus: Bus, knows server: String, online: Bool = true) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let list = try await bus.ask(Routing.List())
            if list.servers.contains(where: { $0.server == server && $0.online == online }) { return }
            await Task.yield()
            try await Task.sleep(for: .milliseconds(2))
        }
        Issue.record("routing never saw \(server) online=\(online)")
    }

    @Test func routesToTheAgentThatRegisteredTheServer() async throws {
        try await TestNode.run(gatewayYAML, plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run(agentYAML(["lab-01", "lab-02"]), plugins: plugins, node: "agent-1") { agent in
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    try await waitUntil(gateway.bus, knows: "lab-02")
                    let route = try await gateway.bus.ask(Routing.Resolve(server: "lab-01", serving: Power.Set.topic))
                    #expect(route.address == Address(instance: "fake-bmc", node: "agent-1"))
                    _ = try await gateway.bus.askServer(Power.Set(server: "lab-01", action: .on))
                    #expect(try await gateway.bus.askServer(Power.Status(server: "lab-01")).state == .on)
                    #expect(try await gateway.bus.askServer(Power.Status(server: "lab-02")).state == .off)
                    let list = try await gateway.bus.ask(Routing.List())
                    #expect(list.servers.map(\.server) == ["lab-01", "lab-02"])
                    #expect(list.servers.first?.capabilities == [.ipmi, .power])
                }
            }
        }
    }

    @Test func anOfflineAgentIsReportedAtOnce() async throws {
        try await TestNode.run(gatewayYAML, plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run(agentYAML(["lab-01"]), plugins: plugins, node: "agent-1") { agent in
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    try await waitUntil(gateway.bus, knows: "lab-01")
                }
                try await waitUntil(gateway.bus, knows: "lab-01", online: false)
                let start = ContinuousClock.now
                await #expect(throws: BusError.remote(code: "agent-offline", message: RoutingError.agentOffline(server: "lab-01", node: "agent-1").message)) {
                    _ = try await gateway.bus.askServer(Power.Status(server: "lab-01"))
                }
                #expect(ContinuousClock.now - start < .seconds(1))
                // Back online after a reconnect, with its inventory read again.
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    try await waitUntil(gateway.bus, knows: "lab-01", online: true)
                    #expect(try await gateway.bus.askServer(Power.Status(server: "lab-01")).state == .off)
                }
            }
        }
    }

    @Test func unknownServersAndUnsupportedTopicsHaveClearErrors() async throws {
        try await TestNode.run(gatewayYAML, plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run(agentYAML(["lab-01"]), plugins: plugins, node: "agent-1") { agent in
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    try await waitUntil(gateway.bus, knows: "lab-01")
                    do {
                        _ = try await gateway.bus.askServer(Power.Status(server: "nope"))
                        Issue.record("expected not-found")
                    } catch BusError.remote(let code, let message) {
                        #expect(code == "not-found")
                        #expect(message.contains("nope"))
                    }
                    do {
                        _ = try await gateway.bus.askServer(Boot.Get(server: "lab-01"))
                        Issue.record("expected unsupported")
                    } catch BusError.remote(let code, _) {
                        #expect(code == "unsupported")
                    }
                }
            }
        }
    }

    @Test func eachServerIsReachedThroughItsOwnAgent() async throws {
        try await TestNode.run(gatewayYAML, plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run(agentYAML(["dc1-a"]), plugins: plugins, node: "agent-dc1") { dc1 in
                try await TestNode.run(agentYAML(["dc2-a"]), plugins: plugins, node: "agent-dc2") { dc2 in
                    try await LinkPair.connect(gateway.bus, dc1.bus) {
                        try await LinkPair.connect(gateway.bus, dc2.bus) {
                            try await waitUntil(gateway.bus, knows: "dc1-a")
                            try await waitUntil(gateway.bus, knows: "dc2-a")
                            let one = try await gateway.bus.ask(Routing.Resolve(server: "dc1-a", serving: Power.Set.topic))
                            let two = try await gateway.bus.ask(Routing.Resolve(server: "dc2-a", serving: Power.Set.topic))
                            #expect(one.address.node == "agent-dc1")
                            #expect(two.address.node == "agent-dc2")
                        }
                    }
                }
            }
        }
    }

    @Test func serversOnTheSameNodeAreRoutedLocally() async throws {
        let yaml = "role: all-in-one\nplugins: [{use: fake-bmc, with: {servers: [lab-01]}}, {use: routing, with: {refreshSeconds: 1}}]"
        try await TestNode.run(yaml, plugins: plugins, node: "aio") { node in
            try await waitUntil(node.bus, knows: "lab-01")
            _ = try await node.bus.askServer(Power.Set(server: "lab-01", action: .cycle))
            #expect(try await node.bus.askServer(Power.Status(server: "lab-01")).state == .on)
        }
    }
}
