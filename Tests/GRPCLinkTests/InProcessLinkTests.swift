import Contracts
import Foundation
import GRPCLink
import Kernel
import KernelTesting
import NIOCore
import Testing

/// Two nodes in this process, linked over real gRPC on loopback with TLS.
@Suite(.serialized) struct InProcessLinkTests {
    static let plugins: [any Plugin.Type] = [GRPCLinkPlugin.self, EchoPlugin.self]

    /// Runs a TLS listener "gw" and a dialler "agent" linked to it.
    static func withLinkedPair<T: Sendable>(
        certificates: TestCertificates, _ body: @Sendable (RoleRunner, RoleRunner) async throws -> T
    ) async throws -> T {
        let port = FreePort.find()
        return try await TestNode.run(LinkManifests.listener(port: port, certificates: certificates), plugins: plugins, node: "gw") { gateway in
            try await TestNode.run(LinkManifests.dialler(port: port, certificates: certificates), plugins: plugins, node: "agent") { agent in
                try await waitUntilLinked(gateway.bus, to: "agent")
                try await waitUntilLinked(agent.bus, to: "gw")
                return try await body(gateway, agent)
            }
        }
    }

    @Test func asksCrossTheLinkBothWaysWithTypedRepliesAndStampedCallers() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await Self.withLinkedPair(certificates: certificates) { gateway, agent in
            let down = try await gateway.bus.ask(LinkTest.Echo(text: "to agent"), to: .exactly(Address(instance: "echo", node: "agent")))
            #expect(down == .init(text: "to agent", node: "agent", caller: "kernel@gw"))
            let up = try await agent.bus.ask(LinkTest.Echo(text: "to gateway"), to: .node("gw"))
            #expect(up == .init(text: "to gateway", node: "gw", caller: "kernel@agent"))
            let ping = try await gateway.bus.ask(Diagnostics.Ping(payload: "p"), to: .node("agent"))
            #expect(ping == .init(payload: "p", node: "agent"))
            // The agent's link is its default route: a topic only the gateway serves... is
            // served locally here too, so .nearest stays local.
            let local = try await agent.bus.ask(LinkTest.Echo(text: "local"))
            #expect(local.node == "agent")
            #expect(gateway.bus.pendingAskCount == 0 && agent.bus.pendingAskCount == 0)
        }
    }

    @Test func remoteAskLatencyOverLoopbackTLS() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await Self.withLinkedPair(certificates: certificates) { gateway, _ in
            let count = 1000
            var samples: [Duration] = []
            samples.reserveCapacity(count)
            for index in 0..<count {
                let start = ContinuousClock.now
                let reply = try await gateway.bus.ask(LinkTest.Echo(text: "\(index)"), to: .node("agent"))
                samples.append(ContinuousClock.now - start)
                #expect(reply.text == "\(index)")
            }
            samples.sort()
            let p50 = samples[count / 2]
            let p99 = samples[count * 99 / 100]
            print("link benchmark: remote ask over loopback TLS, \(count) sequential asks: p50 \(Self.micros(p50)) µs, p99 \(Self.micros(p99)) µs")
            #expect(p99 < .seconds(1))
        }
    }

    @Test func a16MiBStreamRoundTripsIntactBothWays() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await Self.withLinkedPair(certificates: certificates) { gateway, agent in
            // Listener-initiated: the agent opens the Stream RPC when asked over Control.
            let size = 16 * 1024 * 1024
            let start = ContinuousClock.now
            let echoed = try await Self.roundTrip(size: size, through: try await gateway.bus.open(LinkTest.Loop(), to: .node("agent")))
            let elapsed = ContinuousClock.now - start
            #expect(echoed == size)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("link benchmark: 16 MiB echoed through a remote stream over loopback TLS in \(Int(seconds * 1000)) ms: \(String(format: "%.1f", Double(size) / 1_048_576 / seconds)) MiB/s each way")
            // Dialler-initiated: the agent opens a stream to a handler on the gateway.
            let small = try await Self.roundTrip(size: 1024 * 1024, through: try await agent.bus.open(LinkTest.Loop(), to: .node("gw")))
            #expect(small == 1024 * 1024)
        }
    }

    @Test func aWriterLearnsWhenTheRemoteHandlerHasGone() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await Self.withLinkedPair(certificates: certificates) { gateway, agent in
            for (bus, peer) in [(gateway.bus, NodeID("agent")), (agent.bus, NodeID("gw"))] {
                let duplex = try await bus.open(LinkTest.Quit(), to: .node(peer))
                // The handler's end is finished: reading ends cleanly.
                for try await _ in duplex.inbound {}
                // Its reader is closed: writes must fail, not vanish (at most 256 MiB tried).
                let chunk = ByteBuffer(repeating: 1, count: 64 * 1024)
                var failure: (any Error)?
                for _ in 0..<4096 {
                    do {
                        try await duplex.outbound.write(chunk)
                    } catch {
                        failure = error
                        break
                    }
                }
                #expect(failure as? BusError == .streamClosed, "writing towards \(peer) never failed")
            }
        }
    }

    @Test func openingAStreamNobodyServesFailsWithTheRemoteReason() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await Self.withLinkedPair(certificates: certificates) { gateway, agent in
            await #expect(throws: BusError.noRoute(topic: LinkTest.Nobody.topic, destination: .node("agent"))) {
                _ = try await gateway.bus.open(LinkTest.Nobody(), to: .node("agent"))
            }
            await #expect(throws: BusError.noRoute(topic: LinkTest.Nobody.topic, destination: .node("gw"))) {
                _ = try await agent.bus.open(LinkTest.Nobody(), to: .node("gw"))
            }
            // The link still serves.
            let reply = try await gateway.bus.ask(LinkTest.Echo(text: "still"), to: .node("agent"))
            #expect(reply.text == "still")
        }
    }

    @Test(arguments: [StallDirection.listenerToDialler, .diallerToListener])
    func aStalledStreamDoesNotDelayControlAsks(direction: StallDirection) async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        try await Self.withLinkedPair(certificates: certificates) { gateway, agent in
            let (writerBus, peer): (Bus, NodeID) = direction == .listenerToDialler ? (gateway.bus, "agent") : (agent.bus, "gw")
            let stalled = try await writerBus.open(LinkTest.Stall(), to: .node(peer))
            var inbound = stalled.inbound.makeAsyncIterator()
            let first = try await inbound.next()
            #expect(first.map { String(buffer: $0) } == "ready")
            // Write 64 KiB chunks into the stream whose reader never reads, until a write has
            // been blocked for 300 ms (flow control holds it), at most 512 MiB. The bytes are
            // incompressible, so the window fills whether or not the link compresses streams.
            let progress = WriteProgress()
            let writer = Task {
                let chunk = Self.incompressibleChunk
                for _ in 0..<(512 * 16) {
                    progress.begin()
                    try await stalled.outbound.write(chunk)
                    progress.end()
                }
            }
            try await progress.waitUntilBlocked(for: .milliseconds(300), timeout: .seconds(60))
            let count = 200
            var samples: [Duration] = []
            for index in 0..<count {
                let start = ContinuousClock.now
                let reply = try await writerBus.ask(LinkTest.Echo(text: "\(index)"), to: .node(peer), timeout: .seconds(5))
                samples.append(ContinuousClock.now - start)
                #expect(reply.text == "\(index)")
            }
            #expect(progress.isBlocked, "the stream must still be stalled while the asks ran")
            samples.sort()
            print("link benchmark: \(count) control asks (\(direction)) while a 64 KiB-chunk stream is stalled (\(progress.bytes / 1024) KiB accepted before it blocked): p50 \(Self.micros(samples[count / 2])) µs, p99 \(Self.micros(samples[count * 99 / 100])) µs")
            StallGate.shared.release()
            stalled.close()
            writer.cancel()
            _ = await writer.result
        }
    }

    enum StallDirection: String, Sendable, CustomStringConvertible {
        case listenerToDialler = "listener to dialler"
        case diallerToListener = "dialler to listener"
        var description: String { rawValue }
    }

    /// 64 KiB of pseudo-random bytes (fixed seed) that LZ4 cannot shrink.
    static let incompressibleChunk: ByteBuffer = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        for index in bytes.indices {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            bytes[index] = UInt8(truncatingIfNeeded: state >> 32)
        }
        return ByteBuffer(bytes: bytes)
    }()

    static func micros(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
    }

    /// Writes `size` patterned bytes (byte at offset p is p % 251) in 64 KiB buffers while
    /// reading the echo; returns how many bytes came back identical (stops at the first
    /// difference). Compares with memcmp so a debug build measures the link, not the test.
    static func roundTrip(size: Int, through duplex: Duplex) async throws -> Int {
        let pattern = (0..<(251 + 64 * 1024)).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let writer = Task {
            var offset = 0
            while offset < size {
                let count = min(64 * 1024, size - offset)
                let start = offset % 251
                try await duplex.outbound.write(ByteBuffer(bytes: pattern[start..<(start + count)]))
                offset += count
            }
            duplex.outbound.finish()
        }
        var received = 0
        for try await buffer in duplex.inbound {
            var rest = buffer
            while rest.readableBytes > 0 {
                let count = min(rest.readableBytes, 64 * 1024)
                let start = received % 251
                let same = rest.readableBytesView.prefix(count).withUnsafeBytes { got in
                    pattern[start..<(start + count)].withUnsafeBytes { want in
                        guard let got = got.baseAddress, let want = want.baseAddress else { return false }
                        return memcmp(got, want, count) == 0
                    }
                }
                guard same else { return received }
                received += count
                rest.moveReaderIndex(forwardBy: count)
            }
        }
        try await writer.value
        return received
    }
}
