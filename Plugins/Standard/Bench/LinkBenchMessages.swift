import Kernel

/// What `tether bench link` asks and streams across the link.
enum LinkBenchMessages {
    /// Answered at once with `value + 1`: the remote ask round trip, not the work.
    struct Ping: Request {
        static let topic: Topic = "linkbench.ping"
        var value: Int
        struct Reply: Codable, Sendable { var value: Int }
    }

    /// Reads everything until the end, then answers with the byte count (8 bytes, big endian).
    struct Sink: StreamRequest {
        static let topic: Topic = "linkbench.sink"
    }

    /// Writes `bytes` bytes, then ends.
    struct Source: StreamRequest {
        static let topic: Topic = "linkbench.source"
        var bytes: Int
    }
}
