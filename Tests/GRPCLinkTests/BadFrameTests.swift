import Contracts
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel
import KernelTesting
import Testing

@testable import GRPCLink

/// A hand-driven dialler speaking the wire protocol to a real listener: frames no tether
/// would send get clear answers, and the link keeps serving.
@Suite struct BadFrameTests {
    static let plugins: [any Plugin.Type] = [GRPCLinkPlugin.self, EchoPlugin.self]

    @Test func badFramesGetClearErrorsAndTheLinkKeepsServing() async throws {
        let port = FreePort.find()
        try await TestNode.run(LinkManifests.listener(port: port, certificates: nil), plugins: Self.plugins, node: "gw") { gateway in
            try #require(await FreePort.waitUntilListening(port), "the link listener did not bind 127.0.0.1:\(port)")
            let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            let answers: [WireFrame] = try await withGRPCClient(transport: transport) { client in
                let stub = WireService.Client(wrapping: client)
                let frames = Self.script()
                return try await stub.control(request: StreamingClientRequest(of: WireFrame.self) { writer in
                    for frame in frames { try await writer.write(frame) }
                    // Keep the request open until the last answer arrived (the test's bound).
                    try await Task.sleep(for: .seconds(30))
                }) { response in
                    // Asks are answered concurrently: wait for every expected answer, in any order.
                    var collected: [WireFrame] = []
                    var missing: Set<UInt64> = [5, 6, 7, 99]
                    for try await frame in response.messages {
                        collected.append(frame)
                        missing.remove(frame.correlation)
                        if missing.isEmpty { break }
                    }
                    return collected
                }
            }
            #expect(answers.first?.kind == .helloAck)
            #expect(answers.first?.hello.node == "gw")

            let unknownKind = answers.first { $0.kind == .error && $0.correlation == 5 }
            #expect(unknownKind?.error.contains("unexpected frame kind 42") == true)

            let garbage = try #require(answers.first { $0.correlation == 6 })
            #expect(garbage.kind == .failure)
            let garbageError = try JSONDecoder().decode(BusError.self, from: garbage.payload)
            guard case .wrongType(let topic, _, let got) = garbageError else {
                Issue.record("expected wrongType, got \(garbageError)")
                return
            }
            #expect(topic == LinkTest.Echo.topic && got.contains("undecodable JSON"))

            let noDestination = try #require(answers.first { $0.correlation == 7 })
            #expect(noDestination.kind == .failure)
            let missing = try JSONDecoder().decode(BusError.self, from: noDestination.payload)
            #expect(missing == .remote(code: "bad-frame", message: "bad frame: ask frame on linktest.echo without a destination"))

            // The forged from.node was replaced by the authenticated node name.
            let forged = try #require(answers.first { $0.correlation == 99 })
            #expect(forged.kind == .reply)
            let reply = try JSONDecoder().decode(LinkTest.Echo.Reply.self, from: forged.payload)
            #expect(reply == .init(text: "after", node: "gw", caller: "tester@raw-agent"))
            #expect(gateway.bus.pendingAskCount == 0)
        }
    }

    @Test func aDiallerThatNeverSaysHelloIsCutAfterTheHandshakeTimeout() async throws {
        let port = FreePort.find()
        try await TestNode.run(LinkManifests.listener(port: port, certificates: nil), plugins: Self.plugins, node: "gw") { _ in
            try #require(await FreePort.waitUntilListening(port), "the link listener did not bind 127.0.0.1:\(port)")
            let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            let started = ContinuousClock.now
            // The listener ends the call (10 s handshake timeout); the client would hold it 40 s.
            let frames: Int? = try await withGRPCClient(transport: transport) { client in
                let stub = WireService.Client(wrapping: client)
                do {
                    return try await stub.control(request: StreamingClientRequest(of: WireFrame.self) { _ in
                        try await Task.sleep(for: .seconds(40))
                    }) { response in
                        var count = 0
                        for try await _ in response.messages { count += 1 }
                        return count
                    }
                } catch is RPCError {
                    return 0
                }
            }
            #expect(frames == 0, "the listener answered a dialler that never said hello")
            #expect(ContinuousClock.now - started < .seconds(30), "the call was not ended by the listener")
        }
    }

    /// Hello, then an unknown kind, a garbage JSON payload, an ask without destination, and
    /// finally a valid ask that claims to come from another node.
    static func script() -> [WireFrame] {
        var hello = WireFrame()
        hello.kind = .hello
        hello.hello.node = "raw-agent"
        hello.hello.credential = LinkManifests.token
        hello.hello.version = "test"

        var unknown = WireFrame()
        unknown.kind = .UNRECOGNIZED(42)
        unknown.correlation = 5

        var garbage = ask(correlation: 6)
        garbage.payload = Data("{not json".utf8)

        var noDestination = ask(correlation: 7)
        noDestination.clearTo()

        var valid = ask(correlation: 99)
        valid.payload = Data(#"{"text":"after"}"#.utf8)
        valid.from.node = "someone-else"
        return [hello, unknown, garbage, noDestination, valid]
    }

    static func ask(correlation: UInt64) -> WireFrame {
        var frame = WireFrame()
        frame.kind = .ask
        frame.topic = LinkTest.Echo.topic.rawValue
        frame.correlation = correlation
        frame.from.instance = "tester"
        frame.from.node = "raw-agent"
        frame.to.node = "gw"
        frame.payload = Data(#"{"text":"x"}"#.utf8)
        return frame
    }
}
