/// When a console session must end: its lease (the token's expiry, pushed out by each
/// refresh) and its idle deadline (pushed out by traffic either way). Pure: the caller
/// passes the time.
struct ConsoleDeadlines: Sendable, Equatable {
    enum Verdict: Equatable {
        case expired
        case idle
        /// Nothing is due for this long.
        case wait(Duration)
    }

    private(set) var leaseEnd: ContinuousClock.Instant
    private(set) var idleEnd: ContinuousClock.Instant
    let idleTimeout: Duration

    init(leaseEnd: ContinuousClock.Instant, idleTimeout: Duration, now: ContinuousClock.Instant) {
        self.leaseEnd = leaseEnd
        self.idleTimeout = idleTimeout
        self.idleEnd = now + idleTimeout
    }

    mutating func activity(at now: ContinuousClock.Instant) {
        idleEnd = now + idleTimeout
    }

    /// A refresh never shortens the lease.
    mutating func extendLease(to end: ContinuousClock.Instant) {
        leaseEnd = max(leaseEnd, end)
    }

    func verdict(at now: ContinuousClock.Instant) -> Verdict {
        if now >= leaseEnd { return .expired }
        if now >= idleEnd { return .idle }
        return .wait(min(leaseEnd, idleEnd) - now)
    }
}
