import Kernel
import KernelTesting
import Testing

/// Remote asks share one timer task per bus: each still times out on its own deadline, and
/// nothing is left behind.
@Suite struct RemoteAskTimeoutTests {
    let plugins: [any Plugin.Type] = [HangPlugin.self, RecorderPlugin.self, EchoPlugin.self]

    @Test func aRemoteAskTimesOutAndLeavesNothingBehind() async throws {
        let key = "remote-timeout-\(UInt64.random(in: 0...UInt64.max))"
        try await TestNode.run("role: gw\nplugins: [{use: recorder}]", plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run("role: ag\nplugins: [{use: hang}, {use: echo}]", plugins: plugins, node: "agent-1") { agent in
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    let start = ContinuousClock.now
                    await #expect(throws: BusError.timeout(topic: Echo.Hang.topic, afterMilliseconds: 100)) {
                        _ = try await gateway.bus.ask(Echo.Hang(key: key), to: .node("agent-1"), timeout: .milliseconds(100))
                    }
                    let elapsed = ContinuousClock.now - start
                    #expect(elapsed >= .milliseconds(100))
                    #expect(elapsed < .seconds(3))
                    #expect(gateway.bus.pendingAskCount == 0)
                    await waitFor { !gateway.bus.isAskTimerRunning }
                    #expect(!gateway.bus.isAskTimerRunning)
                    // Answered asks leave nothing either, and the timer ends with the last one.
                    for index in 0..<20 {
                        let reply = try await gateway.bus.ask(Echo.Say(text: "\(index)"), to: .node("agent-1"), timeout: .milliseconds(200))
                        #expect(reply.text == "\(index)")
                    }
                    #expect(gateway.bus.pendingAskCount == 0)
                    await waitFor { !gateway.bus.isAskTimerRunning }
                    #expect(!gateway.bus.isAskTimerRunning)
                }
            }
        }
    }

    @Test func aShorterAskTimesOutBeforeALongerOneAskedFirst() async throws {
        let key = "remote-order-\(UInt64.random(in: 0...UInt64.max))"
        try await TestNode.run("role: gw\nplugins: [{use: recorder}]", plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run("role: ag\nplugins: [{use: hang}]", plugins: plugins, node: "agent-1") { agent in
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    let start = ContinuousClock.now
                    let long = Task {
                        try await gateway.bus.ask(Echo.Hang(key: key + "-long"), to: .node("agent-1"), timeout: .seconds(2))
                    }
                    await waitFor { EventLog.shared.events(key + "-long").contains("started") }
                    await #expect(throws: BusError.timeout(topic: Echo.Hang.topic, afterMilliseconds: 100)) {
                        _ = try await gateway.bus.ask(Echo.Hang(key: key + "-short"), to: .node("agent-1"), timeout: .milliseconds(100))
                    }
                    // The short deadline did not wait for the long one's.
                    #expect(ContinuousClock.now - start < .milliseconds(1_500))
                    #expect(gateway.bus.pendingAskCount == 1)
                    await #expect(throws: BusError.timeout(topic: Echo.Hang.topic, afterMilliseconds: 2_000)) { _ = try await long.value }
                    #expect(ContinuousClock.now - start >= .seconds(2))
                    #expect(gateway.bus.pendingAskCount == 0)
                    await waitFor { !gateway.bus.isAskTimerRunning }
                    #expect(!gateway.bus.isAskTimerRunning)
                }
            }
        }
    }

    @Test func aCancelledRemoteAskLeavesNothingBehind() async throws {
        let key = "remote-cancel-\(UInt64.random(in: 0...UInt64.max))"
        try await TestNode.run("role: gw\nplugins: [{use: recorder}]", plugins: plugins, node: "gateway") { gateway in
            try await TestNode.run("role: ag\nplugins: [{use: hang}]", plugins: plugins, node: "agent-1") { agent in
                try await LinkPair.connect(gateway.bus, agent.bus) {
                    let ask = Task {
                        try await gateway.bus.ask(Echo.Hang(key: key), to: .node("agent-1"), timeout: .seconds(30))
                    }
                    await waitFor { EventLog.shared.events(key).contains("started") }
                    ask.cancel()
                    await #expect(throws: CancellationError.self) { _ = try await ask.value }
                    #expect(gateway.bus.pendingAskCount == 0)
                }
            }
        }
    }
}
