import ArgumentParser
import Foundation
import Kernel
import NIOCore

/// `tether bench bus`: the local bus against a direct actor call, in one run.
struct BusBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bus", abstract: "Local ask, send and stream throughput, against direct actor calls.")

    @Option(help: "Asks and sends per measurement.")
    var count = 1_000_000

    @Option(help: "Bytes to stream, in MiB (64 KiB chunks).")
    var streamMiB = 4_096

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; measure with swift build -c release")
        #endif
        let role = try Role(
            yaml: "role: bench\nplugins: [{use: bench-target}]", registry: PluginRegistry([BenchTargetPlugin.self]),
            node: "bench", baseDirectory: URL(fileURLWithPath: "/"))
        let runner = RoleRunner(role: role, logger: .init(label: "bench"), handleSignals: false)
        let count = self.count
        let streamBytes = self.streamMiB * 1_048_576
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.run() }
            await runner.status.waitUntilReady()
            let bus = runner.bus
            let direct = BenchTargetPlugin(config: NoConfig(), context: PluginContext(
                node: "bench", instance: "direct", role: "bench", bus: bus, logger: .init(label: "bench"), status: NodeStatus(),
                baseDirectory: URL(fileURLWithPath: "/")))
            // warm up
            for index in 0..<10_000 { _ = try await bus.ask(BenchMessages.Ping(value: index)); _ = await direct.ping(.init(value: index)) }

            let askTime = try await Self.time { for index in 0..<count { _ = try await bus.ask(BenchMessages.Ping(value: index)) } }
            let directTime = await Self.time { for index in 0..<count { _ = await direct.ping(.init(value: index)) } }
            let sendTime = try await Self.time { for index in 0..<count { try await bus.send(BenchMessages.Tick(value: index)) } }
            var latency = LatencySamples(capacity: 200_000)
            for index in 0..<200_000 {
                let start = ContinuousClock.now
                _ = try await bus.ask(BenchMessages.Ping(value: index))
                latency.record(ContinuousClock.now - start)
            }
            let chunk = ByteBuffer(repeating: 0x5A, count: 65_536)
            let duplex = try await bus.open(BenchMessages.Sink())
            let streamTime = try await Self.time {
                var sent = 0
                while sent < streamBytes {
                    try await duplex.outbound.write(chunk)
                    sent += chunk.readableBytes
                }
                duplex.outbound.finish()
                var iterator = duplex.inbound.makeAsyncIterator()
                guard let total = try await iterator.next()?.getInteger(at: 0, as: UInt64.self), total == UInt64(streamBytes) else {
                    throw ValidationError("the stream lost bytes")
                }
            }
            let askRate = Double(count) / askTime.seconds
            let directRate = Double(count) / directTime.seconds
            print("tether bench bus (\(count) operations, one task)")
            print(String(format: "  ask (local):          %12.0f /s   p50 %.2f us   p99 %.2f us", askRate, latency.percentile(50), latency.percentile(99)))
            print(String(format: "  direct actor call:    %12.0f /s", directRate))
            print(String(format: "  ask / direct (time):  %12.2f x", askTime.seconds / directTime.seconds))
            print(String(format: "  send (local):         %12.0f /s", Double(count) / sendTime.seconds))
            print(String(format: "  open stream, 64 KiB:  %12.2f GB/s (%d MiB)", Double(streamBytes) / streamTime.seconds / 1e9, streamBytes / 1_048_576))
            await runner.shutdown()
            try await group.waitForAll()
        }
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Duration {
        let start = ContinuousClock.now
        try await body()
        return ContinuousClock.now - start
    }
}
