/// One round of `tether bench link`: every figure of both paths once.
struct LinkBenchRound: Sendable {
    var linkAsks: LatencySamples
    var linkAskSeconds: Double
    var sshRoundTrips: LatencySamples
    /// The same 32-byte echo straight to the agent process over plain loopback TCP: the
    /// floor of any round trip between the two processes on this machine.
    var tcpRoundTrips: LatencySamples
    var linkUpload: LinkBenchThroughput
    var sshUpload: LinkBenchThroughput
    var linkDownload: LinkBenchThroughput
    var sshDownload: LinkBenchThroughput

    var linkAskRate: Double { linkAskSeconds > 0 ? Double(linkAsks.nanoseconds.count) / linkAskSeconds : 0 }

    /// Every round as one: samples together, bytes and seconds summed.
    static func pooled(_ rounds: [LinkBenchRound]) -> LinkBenchRound {
        func samples(_ path: KeyPath<LinkBenchRound, LatencySamples>) -> LatencySamples {
            var all = LatencySamples(capacity: rounds.reduce(0) { $0 + $1[keyPath: path].nanoseconds.count })
            for round in rounds {
                for nanoseconds in round[keyPath: path].nanoseconds { all.record(.nanoseconds(nanoseconds)) }
            }
            return all
        }
        return LinkBenchRound(
            linkAsks: samples(\.linkAsks), linkAskSeconds: rounds.reduce(0) { $0 + $1.linkAskSeconds },
            sshRoundTrips: samples(\.sshRoundTrips), tcpRoundTrips: samples(\.tcpRoundTrips),
            linkUpload: .pooled(rounds.map(\.linkUpload)), sshUpload: .pooled(rounds.map(\.sshUpload)),
            linkDownload: .pooled(rounds.map(\.linkDownload)), sshDownload: .pooled(rounds.map(\.sshDownload)))
    }

    /// The round's figures, one per line.
    var lines: [String] {
        [
            Self.label("link ask, gateway -> agent plugin")
                + String(format: "%10.0f /s    p50 %8.1f us   p99 %8.1f us", linkAskRate, linkAsks.percentile(50), linkAsks.percentile(99)),
            Self.label("ssh -R round trip, 32 bytes (context)")
                + String(repeating: " ", count: 17) + String(format: "p50 %8.1f us   p99 %8.1f us", sshRoundTrips.percentile(50), sshRoundTrips.percentile(99)),
            Self.label("plain TCP round trip, 32 bytes (floor)")
                + String(repeating: " ", count: 17) + String(format: "p50 %8.1f us   p99 %8.1f us", tcpRoundTrips.percentile(50), tcpRoundTrips.percentile(99)),
            Self.label("link stream, gateway -> agent") + String(format: "%10.1f MB/s", linkUpload.megabytesPerSecond),
            Self.label("ssh -R tunnel, gateway -> agent") + String(format: "%10.1f MB/s", sshUpload.megabytesPerSecond),
            Self.label("link stream, agent -> gateway") + String(format: "%10.1f MB/s", linkDownload.megabytesPerSecond),
            Self.label("ssh -R tunnel, agent -> gateway") + String(format: "%10.1f MB/s", sshDownload.megabytesPerSecond),
        ]
    }

    var uploadRatio: Double { sshUpload.megabytesPerSecond > 0 ? linkUpload.megabytesPerSecond / sshUpload.megabytesPerSecond : 0 }
    var downloadRatio: Double { sshDownload.megabytesPerSecond > 0 ? linkDownload.megabytesPerSecond / sshDownload.megabytesPerSecond : 0 }

    private static func label(_ text: String) -> String { "  " + text.padding(toLength: 40, withPad: " ", startingAt: 0) }
}
