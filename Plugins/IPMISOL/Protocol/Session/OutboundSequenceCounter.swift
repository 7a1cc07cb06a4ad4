/// Outbound RMCP+ session sequence numbers: start at 1, never 0, wrap past UInt32.max to 1.
struct OutboundSequenceCounter: Equatable, Sendable {
    private var next: UInt32 = 1

    mutating func take() -> UInt32 {
        defer {
            next = next == UInt32.max ? 1 : next + 1
        }
        return next
    }
}
