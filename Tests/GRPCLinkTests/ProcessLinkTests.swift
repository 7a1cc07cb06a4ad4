import Contracts
import Foundation
import GRPCLink
import Kernel
import KernelTesting
import Testing

/// Links between real `tether` processes (and this process), on loopback with TLS.
@Suite(.serialized) struct ProcessLinkTests {
    static let plugins: [any Plugin.Type] = [GRPCLinkPlugin.self, EchoPlugin.self]

    static func run(_ yaml: String, node: String) async throws -> RunningTether {
        try await TetherProcess.start(["run", "-", "--node", node, "--log-level", "debug"], yaml: yaml)
    }

    @Test func aRealAgentProcessDialsOutAnswersAsksAndListensOnNoPort() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        try await TestNode.run(LinkManifests.listener(port: port, certificates: certificates), plugins: Self.plugins, node: "gw") { gateway in
            let agent = try await Self.run(LinkManifests.dialler(port: port, certificates: certificates, extraPlugins: []), node: "agent-p")
            defer { agent.terminate() }
            try await agent.waitForLog("link established", timeout: .seconds(20))
            try await waitUntilLinked(gateway.bus, to: "agent-p")
            let reply = try await gateway.bus.ask(Diagnostics.Ping(payload: "over TLS"), to: .node("agent-p"))
            #expect(reply == .init(payload: "over TLS", node: "agent-p"))
            #expect(gateway.bus.linkedNodes["agent-p"]?.contains(Diagnostics.Ping.topic) == true)
            #expect(try ProcessSockets.socketCount(pid: agent.pid) > 0, "the scan must see the agent's link socket")
            let listening = try ProcessSockets.listening(pid: agent.pid)
            #expect(listening.isEmpty, "the agent listens on \(listening)")
        }
    }

    @Test func theDiallerReregistersAfterTheListenerIsKilledAndAsksFailFastMeanwhile() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        let gatewayYAML = LinkManifests.listener(port: port, certificates: certificates, extraPlugins: [])
        let gateway = try await Self.run(gatewayYAML, node: "gw-p")
        defer { gateway.terminate() }
        try await gateway.waitForLog("link listening", timeout: .seconds(20))
        let diallerYAML = LinkManifests.dialler(port: port, certificates: certificates, reconnectMaximumSeconds: 2)
        try await TestNode.run(diallerYAML, plugins: Self.plugins, node: "agent") { agent in
            try await gateway.waitForLog("link accepted", timeout: .seconds(20))
            try await waitUntilLinked(agent.bus, to: "gw-p")
            let before = try await agent.bus.ask(Diagnostics.Ping(payload: "1"), to: .node("gw-p"))
            #expect(before.node == "gw-p")

            gateway.kill()
            for attempt in 0..<3 {
                let start = ContinuousClock.now
                await #expect(throws: BusError.unreachable(node: "gw-p")) {
                    _ = try await agent.bus.ask(Diagnostics.Ping(payload: "outage \(attempt)"), to: .node("gw-p"), timeout: .seconds(5))
                }
                let took = ContinuousClock.now - start
                #expect(took < .seconds(1), "an ask during the outage took \(took)")
            }

            let restart = ContinuousClock.now
            let restarted = try await Self.run(gatewayYAML, node: "gw-p")
            defer { restarted.terminate() }
            try await restarted.waitForLog("link accepted", timeout: .seconds(20))
            let reregistered = ContinuousClock.now - restart
            print("link benchmark: dialler re-registered \(reregistered) after the listener process was restarted")
            #expect(reregistered < .seconds(5))
            try await waitUntilLinked(agent.bus, to: "gw-p")
            let after = try await agent.bus.ask(Diagnostics.Ping(payload: "2"), to: .node("gw-p"))
            #expect(after.node == "gw-p")
        }
    }

    @Test func aDiallerThatDoesNotTrustTheListenerNeverLinks() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        try await TestNode.run(LinkManifests.listener(port: port, certificates: certificates), plugins: Self.plugins, node: "gw") { gateway in
            let agent = try await Self.run(
                LinkManifests.dialler(port: port, certificates: certificates, trustRoots: certificates.otherCA, extraPlugins: []), node: "agent-t")
            defer { agent.terminate() }
            // The first attempts may come before the listener is bound (connection refused).
            try await agent.waitForLog("CERTIFICATE_VERIFY_FAILED", timeout: .seconds(20))
            #expect(agent.output.contains("link connect failed; retrying"), "\(agent.output.suffix(1500))")
            #expect(!agent.output.contains("link established"))
            #expect(gateway.bus.linkedNodes.isEmpty)
        }
    }

    @Test func aListenerWithTrustRootsRequiresAClientCertificate() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        let listener = LinkManifests.listener(port: port, certificates: certificates, requireClientCertificates: true)
        try await TestNode.run(listener, plugins: Self.plugins, node: "gw") { gateway in
            let without = try await Self.run(LinkManifests.dialler(port: port, certificates: certificates, extraPlugins: []), node: "agent-n")
            defer { without.terminate() }
            try await without.waitForLog("link connect failed; retrying", timeout: .seconds(20))
            #expect(gateway.bus.linkedNodes.isEmpty)
            let with = try await Self.run(
                LinkManifests.dialler(port: port, certificates: certificates, extraPlugins: [], presentClientCertificate: true), node: "agent-c")
            defer { with.terminate() }
            try await with.waitForLog("link established", timeout: .seconds(20))
            let reply = try await gateway.bus.ask(Diagnostics.Ping(payload: "mTLS"), to: .node("agent-c"))
            #expect(reply.node == "agent-c")
            #expect(gateway.bus.linkedNodes["agent-n"] == nil)
        }
    }

    @Test func keepaliveDetectsAFrozenListenerAndTheLinkComesBackWhenItThaws() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        let gateway = try await Self.run(LinkManifests.listener(port: port, certificates: certificates, extraPlugins: []), node: "gw-k")
        defer {
            Foundation.kill(gateway.pid, SIGCONT)
            gateway.terminate()
        }
        try await gateway.waitForLog("link listening", timeout: .seconds(20))
        let diallerYAML = LinkManifests.dialler(port: port, certificates: certificates, reconnectMaximumSeconds: 1, keepaliveSeconds: 2)
        try await TestNode.run(diallerYAML, plugins: Self.plugins, node: "agent") { agent in
            try await waitUntilLinked(agent.bus, to: "gw-k")
            // A stopped process keeps its TCP connections open but answers nothing: only the
            // HTTP/2 keepalive can tell.
            #expect(Foundation.kill(gateway.pid, SIGSTOP) == 0)
            let frozen = ContinuousClock.now
            let deadline = frozen + .seconds(10)
            while agent.bus.linkedNodes["gw-k"] != nil && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            let detected = ContinuousClock.now - frozen
            print("link benchmark: a frozen listener was detected after \(detected) (keepaliveSeconds: 2)")
            #expect(agent.bus.linkedNodes["gw-k"] == nil)
            #expect(detected < .milliseconds(3500), "keepalive took \(detected)")
            #expect(Foundation.kill(gateway.pid, SIGCONT) == 0)
            try await waitUntilLinked(agent.bus, to: "gw-k", timeout: .seconds(20))
            let reply = try await agent.bus.ask(Diagnostics.Ping(payload: "thawed"), to: .node("gw-k"))
            #expect(reply.node == "gw-k")
        }
    }

    @Test func refusalsNameTheirReasonOnBothSides() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        let tokensFile = certificates.folder.appendingPathComponent("link.tokens")
        try "# node: token\nagent-pinned: pinned-token\n".write(to: tokensFile, atomically: true, encoding: .utf8)
        let gateway = try await Self.run(
            LinkManifests.listener(port: port, certificates: certificates, accepted: ["shared-a", "shared-b"], tokensFile: tokensFile.path, extraPlugins: []),
            node: "gw-r")
        defer { gateway.terminate() }
        try await gateway.waitForLog("link listening", timeout: .seconds(20))

        let holder = try await Self.run(LinkManifests.dialler(port: port, certificates: certificates, token: "shared-a", extraPlugins: []), node: "agent-shared")
        defer { holder.terminate() }
        try await holder.waitForLog("link established", timeout: .seconds(20))

        let cases: [(node: String, token: String, reason: String)] = [
            ("agent-pinned", "shared-a", "wrong token for node agent-pinned"),
            ("agent-ghost", "guess", "unknown node agent-ghost"),
            ("gw-r", "shared-a", "node gw-r claims the listener's own name"),
            ("agent-shared", "shared-b", "node agent-shared is already connected"),
        ]
        for refused in cases {
            let dialler = try await Self.run(
                LinkManifests.dialler(port: port, certificates: certificates, token: refused.token, extraPlugins: []), node: refused.node)
            defer { dialler.terminate() }
            try await dialler.waitForLog(refused.reason, timeout: .seconds(20))
            #expect(dialler.output.contains("link refused by listener"))
            try await gateway.waitForLog(refused.reason, timeout: .seconds(5))
            #expect(!dialler.output.contains("link established"))
        }
        #expect(gateway.output.contains("link refused"))
        // The rightful holder of agent-shared was never disturbed.
        #expect(holder.output.components(separatedBy: "link established").count == 2)
    }
}
