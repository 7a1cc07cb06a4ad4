import Kernel
import KernelTesting
import Testing

@Suite struct BusTests {
    let plugins: [any Plugin.Type] = [EchoPlugin.self, WrongReplyPlugin.self, HangPlugin.self, RecorderPlugin.self]

    @Test func askAndReplyBetweenTwoPlugins() async throws {
        try await TestNode.run("role: t\nplugins: [{use: echo, with: {prefix: '> '}}, {use: recorder}]", plugins: plugins) { node in
            let asker = node.bus.sending(as: "recorder")
            let reply = try await asker.ask(Echo.Say(text: "hello"))
            #expect(reply == Echo.Say.Reply(text: "> hello", by: "echo for recorder@test"))
        }
    }

    @Test func sendToNobodyThrowsNoRoute() async throws {
        try await TestNode.run("role: t\nplugins: [{use: recorder}]", plugins: plugins) { node in
            await #expect(throws: BusError.noRoute(topic: Echo.Note.topic, destination: .nearest)) {
                try await node.bus.send(Echo.Note(text: "x"))
            }
            await #expect(throws: BusError.noRoute(topic: Echo.Nobody.topic, destination: .nearest)) {
                _ = try await node.bus.ask(Echo.Nobody())
            }
        }
    }

    @Test func sendIsDeliveredAsTheValue() async throws {
        let key = "send-\(UInt64.random(in: 0...UInt64.max))"
        try await TestNode.run("role: t\nplugins: [{use: echo, with: {log: \(key)}}]", plugins: plugins) { node in
            try await node.bus.send(Echo.Note(text: "one"))
            #expect(EventLog.shared.events(key) == ["note:one"])
        }
    }

    @Test func replyOfTheWrongTypeThrows() async throws {
        try await TestNode.run("role: t\nplugins: [{use: wrong-reply}]", plugins: plugins) { node in
            // The handler expects SayWrongly; asking with Say's shape is refused, not crashed.
            await #expect(throws: BusError.self) { _ = try await node.bus.ask(Echo.Say(text: "x")) }
            do {
                _ = try await node.bus.ask(Echo.Say(text: "x"))
            } catch let error as BusError {
                guard case .wrongType(let topic, _, _) = error else { Issue.record("expected wrongType, got \(error)"); return }
                #expect(topic == Echo.Say.topic)
            }
        }
    }

    @Test func aMessageSentAsTheWrongKindThrows() async throws {
        try await TestNode.run("role: t\nplugins: [{use: echo}]", plugins: plugins) { node in
            // A stream topic asked as a request: the kind does not match.
            struct StreamAsked: Request {
                static let topic: Topic = "test.stream"
                struct Reply: Codable, Sendable {}
            }
            await #expect(throws: BusError.self) { _ = try await node.bus.ask(StreamAsked()) }
        }
    }

    @Test func timedOutAskThrowsTimeoutAndCancelsTheHandler() async throws {
        let key = "hang-\(UInt64.random(in: 0...UInt64.max))"
        try await TestNode.run("role: t\nplugins: [{use: hang}]", plugins: plugins) { node in
            let start = ContinuousClock.now
            await #expect(throws: BusError.timeout(topic: Echo.Hang.topic, afterMilliseconds: 100)) {
                _ = try await node.bus.ask(Echo.Hang(key: key), timeout: .milliseconds(100))
            }
            #expect(ContinuousClock.now - start < .seconds(5))
            // Nothing leaks: the handler was cancelled, and no ask is left waiting.
            await waitFor { EventLog.shared.events(key).contains("cancelled") }
            #expect(EventLog.shared.events(key) == ["started", "cancelled"])
            #expect(node.bus.pendingAskCount == 0)
        }
    }

    @Test func twoInstancesOfOneTopicAreAmbiguousUntilAddressed() async throws {
        let yaml = "role: t\nplugins: [{use: echo, as: echo-a, with: {prefix: 'a'}}, {use: echo, as: echo-b, with: {prefix: 'b'}}]"
        try await TestNode.run(yaml, plugins: plugins) { node in
            await #expect(throws: BusError.self) { _ = try await node.bus.ask(Echo.Say(text: "x")) }
            let reply = try await node.bus.ask(Echo.Say(text: "x"), to: .exactly(Address(instance: "echo-b", node: "test")))
            #expect(reply.text == "bx")
        }
    }
}

/// Waits (bounded, 5 s) for a condition that another task makes true.
func waitFor(_ condition: @Sendable () -> Bool) async {
    let deadline = ContinuousClock.now + .seconds(5)
    while !condition(), ContinuousClock.now < deadline {
        await Task.yield()
        try? await Task.sleep(for: .milliseconds(5))
    }
}
