import Foundation
import Kernel
import KernelTesting
import Observability
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct MetricsPluginTests {
    func get(_ port: Int, _ path: String) async throws -> (Int, String) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesHealthReadinessAndMetrics() async throws {
        let port = FreePort.find()
        try await TestNode.run("role: t\nplugins: [{use: metrics, with: {listen: '127.0.0.1:\(port)'}}]", plugins: [MetricsPlugin.self]) { node in
            let health = try await eventually { try await get(port, "/health") }
            #expect(health.0 == 200)
            let ready = try await get(port, "/ready")
            #expect(ready.0 == 200)
            #expect(ready.1.hasPrefix("ready\nmetrics running restarts=0"))
            _ = try? await node.bus.ask(ProbePing())
            let metrics = try await get(port, "/metrics")
            #expect(metrics.0 == 200)
            #expect(metrics.1.contains("tether_bus_messages_total{topic=\"test.probe\",kind=\"ask\"}"))
        }
    }

    /// Retries while the server is still binding (bounded: 5 s).
    func eventually<T>(_ body: () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + .seconds(5)
        while true {
            do { return try await body() } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}

struct ProbePing: Request {
    static let topic: Topic = "test.probe"
    struct Reply: Codable, Sendable {}
}
