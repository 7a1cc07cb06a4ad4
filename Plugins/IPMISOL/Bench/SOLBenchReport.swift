import Foundation

/// Both clients' numbers, every round pooled, and how they compare.
public struct SOLBenchReport: Sendable {
    public var benchmark: SOLBenchmark
    public var ours: SOLBenchMeasurement
    public var ipmitool: SOLBenchMeasurement

    /// Our throughput over ipmitool's (higher is better).
    public var throughputRatio: Double { ours.bytesPerSecond / ipmitool.bytesPerSecond }

    /// Our echo latency over ipmitool's at `percentile` (lower is better).
    public func echoRatio(percentile: Double) -> Double {
        ours.echo(percentile: percentile).benchSeconds / ipmitool.echo(percentile: percentile).benchSeconds
    }

    /// The summary table.
    public var lines: [String] {
        [
            "SOL bench: ipmi_sim on 127.0.0.1, \(benchmark.rounds) rounds x (\(benchmark.bulkBytes) B bulk output, "
                + "\(benchmark.keystrokes) keystrokes), rounds pooled",
            "client".padding(toLength: 24, withPad: " ", startingAt: 0) + "       throughput      echo p50      echo p99",
            ours.line,
            ipmitool.line,
            String(
                format: "ratio tether/ipmitool: throughput %.2fx (higher is better), echo p50 %.2fx, p99 %.2fx (lower is better)",
                throughputRatio, echoRatio(percentile: 0.5), echoRatio(percentile: 0.99)),
        ]
    }
}
