import Foundation
import Kernel
import KernelTesting
import Logging
import Testing

@Suite struct SupervisionTests {
    let plugins: [any Plugin.Type] = [RecorderPlugin.self, CrashingPlugin.self, EchoPlugin.self]

    @Test func shutdownRunsInReverseOrder() async throws {
        let key = "order-\(UInt64.random(in: 0...UInt64.max))"
        let yaml = """
            role: t
            plugins:
              - {use: recorder, as: first, with: {log: \(key)}}
              - {use: recorder, as: second, with: {log: \(key)}}
              - {use: recorder, as: third, with: {log: \(key)}}
            """
        try await TestNode.run(yaml, plugins: plugins) { _ in }
        let events = EventLog.shared.events(key)
        #expect(events.suffix(3) == ["stop:third", "stop:second", "stop:first"])
        #expect(Set(events.prefix(3)) == ["start:first", "start:second", "start:third"])
    }

    @Test func aFailingPluginIsRestartedWithGrowingDelays() async throws {
        let key = "crash-\(UInt64.random(in: 0...UInt64.max))"
        let yaml = """
            role: t
            supervision: {intensity: 10, periodSeconds: 60, backoffInitialMilliseconds: 40}
            plugins: [{use: crashing, with: {log: \(key), failures: 3}}]
            """
        try await TestNode.run(yaml, plugins: plugins) { node in
            await waitFor { EventLog.shared.events(key).count >= 4 }
            let snapshot = node.status.snapshot
            #expect(snapshot.first?.restarts == 3)
            #expect(snapshot.first?.state == .running)
        }
        // Four runs (three failures); the gaps grow: 40 ms, 80 ms, 160 ms, each within ±20%.
        let times = EventLog.shared.events(key).compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(times.count == 4)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        for (gap, base) in zip(gaps, [0.040, 0.080, 0.160]) {
            #expect(gap >= base * 0.8, "restart gap \(gap) s is shorter than the backoff \(base) s")
        }
    }

    @Test func overBudgetStopsTheNodeWithAnError() async throws {
        let key = "budget-\(UInt64.random(in: 0...UInt64.max))"
        let yaml = """
            role: t
            supervision: {intensity: 2, periodSeconds: 60, backoffInitialMilliseconds: 5}
            plugins:
              - {use: recorder, with: {log: \(key)}}
              - {use: crashing, with: {log: \(key)-crash}}
            """
        let role = try Role(yaml: yaml, registry: PluginRegistry(plugins), node: "t", baseDirectory: URL(fileURLWithPath: "/"))
        let runner = RoleRunner(role: role, logger: Logger(label: "test"), handleSignals: false)
        await #expect(throws: SupervisionError.self) { try await runner.run() }
        // The healthy plugin was shut down gracefully on the way out.
        #expect(EventLog.shared.events(key) == ["start:recorder", "stop:recorder"])
        #expect(EventLog.shared.events("\(key)-crash").count == 3)
    }

    @Test func backoffDoublesWithinJitterAndCaps() {
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))
        let delays = (0..<6).map { _ in backoff.next() }
        let expected: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)]
        for (delay, base) in zip(delays, expected) {
            #expect(delay >= base * 0.8 && delay <= base * 1.2, "\(delay) not within 20% of \(base)")
        }
    }
}
