/// Exponential backoff with jitter: each delay doubles up to a maximum and is spread ±20% so
/// that many nodes restarting together do not retry in lock step.
public struct Backoff: Sendable {
    public let initial: Duration
    public let maximum: Duration
    public let jitter: Double
    private var attempt = 0

    public init(initial: Duration, maximum: Duration, jitter: Double = 0.2) {
        self.initial = initial
        self.maximum = maximum
        self.jitter = jitter
    }

    /// The next delay.
    public mutating func next() -> Duration {
        let exponent = min(attempt, 30)
        attempt += 1
        let base = min(initial * (1 << exponent), maximum)
        let factor = 1 + Double.random(in: -jitter...jitter)
        return base * factor
    }

    /// Starts again from the initial delay (after a long healthy run).
    public mutating func reset() { attempt = 0 }
}
