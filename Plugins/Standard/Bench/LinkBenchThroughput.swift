/// Bytes moved in a time, as MB/s (10^6 bytes).
struct LinkBenchThroughput: Sendable {
    var bytes: Int
    var seconds: Double

    var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds / 1e6 : 0 }

    /// Several measurements as one: all bytes over all time.
    static func pooled(_ parts: [LinkBenchThroughput]) -> LinkBenchThroughput {
        LinkBenchThroughput(bytes: parts.reduce(0) { $0 + $1.bytes }, seconds: parts.reduce(0) { $0 + $1.seconds })
    }
}
