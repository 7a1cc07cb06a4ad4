import Foundation

/// One client's SOL numbers: bulk output throughput and keystroke echo latency.
public struct SOLBenchMeasurement: Sendable {
    /// Which client was measured.
    public var client: String
    /// Bulk bytes printed by the host and the time until the last reached the client.
    public var bulkBytes: Int
    public var bulkTime: Duration
    /// One round trip per keystroke: typed until its echo arrived.
    public var echoes: [Duration]

    public var bytesPerSecond: Double { Double(bulkBytes) / bulkTime.benchSeconds }

    /// The echo latency at `percentile` (0...1); zero without samples.
    public func echo(percentile: Double) -> Duration {
        let sorted = echoes.sorted()
        guard !sorted.isEmpty else { return .zero }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * percentile).rounded()))
        return sorted[index]
    }

    /// Every run of the same client pooled: total bytes over total time, every echo.
    static func pooled(_ runs: [SOLBenchMeasurement]) -> SOLBenchMeasurement? {
        guard let first = runs.first else { return nil }
        return SOLBenchMeasurement(
            client: first.client, bulkBytes: runs.reduce(0) { $0 + $1.bulkBytes },
            bulkTime: runs.reduce(.zero) { $0 + $1.bulkTime }, echoes: runs.flatMap(\.echoes))
    }

    /// `client  throughput  p50  p99` as one aligned line.
    public var line: String {
        client.padding(toLength: 24, withPad: " ", startingAt: 0)
            + String(
                format: " %10.1f KiB/s %10.3f ms %10.3f ms", bytesPerSecond / 1024, echo(percentile: 0.5).benchMilliseconds,
                echo(percentile: 0.99).benchMilliseconds)
    }
}

extension Duration {
    var benchSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var benchMilliseconds: Double { benchSeconds * 1000 }
}
