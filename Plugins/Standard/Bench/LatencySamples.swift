/// Latency samples in nanoseconds, with percentiles.
struct LatencySamples {
    private(set) var nanoseconds: [Int64] = []

    init(capacity: Int) { nanoseconds.reserveCapacity(capacity) }

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        nanoseconds.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The `p`-th percentile (0...100) in microseconds.
    func percentile(_ p: Double) -> Double {
        guard !nanoseconds.isEmpty else { return 0 }
        let sorted = nanoseconds.sorted()
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.down)))
        return Double(sorted[index]) / 1000
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
