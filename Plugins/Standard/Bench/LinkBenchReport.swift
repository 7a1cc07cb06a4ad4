import Foundation

/// What `tether bench link` prints: each round, then all rounds pooled with the ratios and
/// the targets of issue 3 (stream throughput >= 1.0x the ssh tunnel, remote ask p50 < 200 us).
struct LinkBenchReport: Sendable {
    static let askTargetMicroseconds = 200.0
    static let throughputTarget = 1.0

    var setup: String
    var rounds: [LinkBenchRound]

    var lines: [String] {
        let pooled = LinkBenchRound.pooled(rounds)
        let worst = min(pooled.uploadRatio, pooled.downloadRatio)
        let p50 = pooled.linkAsks.percentile(50)
        return [setup, "all \(rounds.count) round(s) pooled:"] + pooled.lines + [
            String(format: "ratio link/ssh stream throughput: gateway -> agent %.2fx, agent -> gateway %.2fx", pooled.uploadRatio, pooled.downloadRatio)
                + String(format: " (target >= %.1fx: ", Self.throughputTarget) + (worst >= Self.throughputTarget ? "met)" : "MISSED)"),
            String(format: "remote ask p50 %.1f us (target < %.0f us: ", p50, Self.askTargetMicroseconds)
                + (p50 < Self.askTargetMicroseconds ? "met)" : "MISSED)")
                + String(
                    format: "; %.1fx the plain TCP round trip, %.1fx the ssh -R round trip", p50 / max(pooled.tcpRoundTrips.percentile(50), 1),
                    p50 / max(pooled.sshRoundTrips.percentile(50), 1)),
        ]
    }
}
