/// Keeps a listener's audit trail of refusals bounded when a misconfigured agent retries
/// every few seconds, or a scanner sends hellos with ever new names: one record per key per
/// `window`, and at most `limit` records per `window` in all; what is left out is counted
/// and reported with the next record. Pure: the caller passes the time.
struct AuditThrottle: Sendable {
    let window: Duration
    let limit: Int
    private var lastRecorded: [String: ContinuousClock.Instant] = [:]
    private var windowStart: ContinuousClock.Instant?
    private var recordedInWindow = 0
    private var suppressed = 0

    init(window: Duration, limit: Int) {
        self.window = window
        self.limit = limit
    }

    /// Whether a record with `key` is kept at `now`; when it is, also how many records were
    /// left out since the last kept one.
    mutating func admit(_ key: String, at now: ContinuousClock.Instant) -> (kept: Bool, suppressedBefore: Int) {
        if let start = windowStart, now - start < window {
            // same window
        } else {
            windowStart = now
            recordedInWindow = 0
            lastRecorded = lastRecorded.filter { now - $0.value < window }
        }
        if let last = lastRecorded[key], now - last < window {
            suppressed += 1
            return (false, 0)
        }
        guard recordedInWindow < limit else {
            suppressed += 1
            return (false, 0)
        }
        recordedInWindow += 1
        lastRecorded[key] = now
        defer { suppressed = 0 }
        return (true, suppressed)
    }
}
