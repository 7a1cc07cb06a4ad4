import NIOCore

extension Duration {
    /// The same span as NIO's `TimeAmount`, to nanosecond precision.
    var timeAmount: TimeAmount {
        .nanoseconds(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000)
    }
}
