import Kernel
import KernelTesting
import Testing

@Suite struct LinkPairTests {
    @Test func twoNodesReachEachOthersPluginsByAddress() async throws {
        let plugins: [any Plugin.Type] = [EchoPlugin.self, RecorderPlugin.self]
        try await TestNode.run("role: gw\nplugins: [{use: recorder}]", plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run("role: ag\nplugins: [{use: echo, with: {prefix: 'agent: '}}]", plugins: plugins, node: "agent-1") { agent in
                let asker = gateway.bus.sending(as: "recorder")
                // Not linked yet: the agent's plugin is unreachable by address, and unknown by topic.
                await #expect(throws: BusError.unreachable(node: "agent-1")) {
                    _ = try await asker.ask(Echo.Say(text: "x"), to: .exactly(Address(instance: "echo", node: "agent-1")))
                }
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    let byAddress = try await asker.ask(Echo.Say(text: "hi"), to: .exactly(Address(instance: "echo", node: "agent-1")))
                    let byNode = try await asker.ask(Echo.Say(text: "hi"), to: .node("agent-1"))
                    let nearest = try await asker.ask(Echo.Say(text: "hi"))
                    // The agent saw the gateway's address, stamped by the link.
                    for reply in [byAddress, byNode, nearest] {
                        #expect(reply == Echo.Say.Reply(text: "agent: hi", by: "echo for recorder@gateway"))
                    }
                    // Streams cross too.
                    let duplex = try await asker.open(Echo.Stream(mode: "echo"), to: .node("agent-1"))
                    try await duplex.outbound.write(.init(string: "ping"))
                    var iterator = duplex.inbound.makeAsyncIterator()
                    #expect(try await iterator.next() == .init(string: "ping"))
                    duplex.close()
                    // A wrong address on the far node is a clean noRoute from there.
                    await #expect(throws: BusError.self) {
                        _ = try await asker.ask(Echo.Say(text: "x"), to: .exactly(Address(instance: "nobody", node: "agent-1")))
                    }
                }
                await #expect(throws: BusError.unreachable(node: "agent-1")) {
                    _ = try await asker.ask(Echo.Say(text: "x"), to: .node("agent-1"))
                }
            }
        }
    }

    @Test func linkLossFailsPendingAsksFast() async throws {
        let plugins: [any Plugin.Type] = [HangPlugin.self, RecorderPlugin.self]
        let key = "linkloss-\(UInt64.random(in: 0...UInt64.max))"
        try await TestNode.run("role: gw\nplugins: [{use: recorder}]", plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run("role: ag\nplugins: [{use: hang}]", plugins: plugins, node: "agent-1") { agent in
                let start = ContinuousClock.now
                let pending = try await LinkPair.connect(gateway.bus, agent.bus) {
                    let ask = Task {
                        try await gateway.bus.ask(Echo.Hang(key: key), to: .node("agent-1"), timeout: .seconds(30))
                    }
                    await waitFor { EventLog.shared.events(key).contains("started") }
                    return ask  // leaving the connect scope drops the link while the ask waits
                }
                await #expect(throws: BusError.unreachable(node: "agent-1")) { _ = try await pending.value }
                #expect(ContinuousClock.now - start < .seconds(5))
                #expect(gateway.bus.pendingAskCount == 0)
            }
        }
    }
}

@Suite struct NodeDescriptionTests {
    @Test func everyNodeDescribesItselfAndReportsLinkChanges() async throws {
        let plugins: [any Plugin.Type] = [EchoPlugin.self, RecorderPlugin.self]
        try await TestNode.run("role: gw\nplugins: [{use: recorder}]", plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run("role: ag\nplugins: [{use: echo}]", plugins: plugins, node: "agent-1") { agent in
                var changes = gateway.bus.linkChanges().makeAsyncIterator()
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    let up = await changes.next()
                    guard case .up(let node, let topics) = up else { Issue.record("expected up, got \(String(describing: up))"); return }
                    #expect(node == "agent-1")
                    #expect(topics.contains(Echo.Say.topic))
                    let description = try await gateway.bus.ask(NodeDescription(), to: .node("agent-1"))
                    #expect(description.role == "ag")
                    #expect(description.instances(serving: Echo.Say.topic) == ["echo"])
                    #expect(description.instances["kernel"] == nil)
                }
                #expect(await changes.next() == .down(node: "agent-1"))
            }
        }
    }
}
