import Contracts
import Foundation
import GRPCLink
import Kernel
import KernelTesting
import Testing

/// LZ4 on byte streams across a real gRPC link (TLS on loopback), seen on the wire through a
/// counting proxy: on when both links have `compressStreams`, raw when either has it off.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct StreamCompressionTests {
    /// A listener and a dialler (through the proxy) with the given `compressStreams`.
    static func withLinkedPair<T: Sendable>(
        listener listenerCompresses: Bool, dialler diallerCompresses: Bool, _ body: @Sendable (RoleRunner, RoleRunner, LoopbackProxy) async throws -> T
    ) async throws -> T {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        let listener = Self.compress(LinkManifests.listener(port: port, certificates: certificates), listenerCompresses)
        let plugins = InProcessLinkTests.plugins
        return try await TestNode.run(listener, plugins: plugins, node: "gw") { gateway in
            try await LoopbackProxy.run(to: port) { proxy in
                let dialler = Self.compress(LinkManifests.dialler(port: proxy.port, certificates: certificates), diallerCompresses)
                return try await TestNode.run(dialler, plugins: plugins, node: "agent") { agent in
                    try await waitUntilLinked(gateway.bus, to: "agent")
                    try await waitUntilLinked(agent.bus, to: "gw")
                    return try await body(gateway, agent, proxy)
                }
            }
        }
    }

    static func compress(_ yaml: String, _ on: Bool) -> String {
        yaml.replacingOccurrences(of: "    with:\n", with: "    with:\n      compressStreams: \(on)\n")
    }

    /// Echoes `size` bytes of a repeating pattern through `open()`; returns the bytes the proxy saw.
    static func wireBytes(_ proxy: LoopbackProxy, size: Int, _ open: () async throws -> Duplex) async throws -> Int {
        let before = proxy.forwardedByteCount
        let echoed = try await InProcessLinkTests.roundTrip(size: size, through: try await open())
        #expect(echoed == size)
        return proxy.forwardedByteCount - before
    }

    @Test func bothSidesOnCompressesListenerAndDiallerInitiatedStreams() async throws {
        try await Self.withLinkedPair(listener: true, dialler: true) { gateway, agent, proxy in
            let size = 16 << 20
            let start = ContinuousClock.now
            let down = try await Self.wireBytes(proxy, size: size) { try await gateway.bus.open(LinkTest.Loop(), to: .node("agent")) }
            let took = ContinuousClock.now - start
            let up = try await Self.wireBytes(proxy, size: 4 << 20) { try await agent.bus.open(LinkTest.Loop(), to: .node("gw")) }
            print("link LZ4: 2 x 16 MiB echoed as \(down) wire bytes in \(took); 2 x 4 MiB dialler-initiated as \(up)")
            #expect(down < size / 4, "2 x \(size) B crossed the wire as \(down) B")
            #expect(up < (4 << 20) / 4, "2 x 4 MiB crossed the wire as \(up) B")
        }
    }

    @Test(arguments: [(true, false), (false, true)])
    func eitherSideOffKeepsStreamsRaw(listener: Bool, dialler: Bool) async throws {
        try await Self.withLinkedPair(listener: listener, dialler: dialler) { gateway, agent, proxy in
            let size = 4 << 20
            let down = try await Self.wireBytes(proxy, size: size) { try await gateway.bus.open(LinkTest.Loop(), to: .node("agent")) }
            let up = try await Self.wireBytes(proxy, size: size) { try await agent.bus.open(LinkTest.Loop(), to: .node("gw")) }
            #expect(down > 2 * size && up > 2 * size, "raw streams: \(down) and \(up) wire bytes for 2 x \(size)")
        }
    }
}
