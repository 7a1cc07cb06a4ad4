import Foundation
import Synchronization

/// The deadlines of one console, shared by its pumps (which report traffic and refreshes)
/// and its watchdog (which ends the session when one is due).
final class ConsoleLease: Sendable {
    private let deadlines: Mutex<ConsoleDeadlines>
    private let expiresAt: Mutex<Int64>

    /// - Parameter expiresAt: the token's expiry, seconds since 1970.
    init(expiresAt: Int64, idleTimeout: Duration) {
        let now = ContinuousClock.now
        deadlines = Mutex(ConsoleDeadlines(leaseEnd: Self.instant(of: expiresAt, now: now), idleTimeout: idleTimeout, now: now))
        self.expiresAt = Mutex(expiresAt)
    }

    /// Seconds since 1970 when the lease ends.
    var leaseExpiresAt: Int64 { expiresAt.withLock { $0 } }

    func touch() {
        deadlines.withLock { $0.activity(at: .now) }
    }

    /// Extends the lease to a refreshed token's expiry (never shortens it).
    func extend(to newExpiresAt: Int64) {
        let end = Self.instant(of: newExpiresAt, now: .now)
        deadlines.withLock { $0.extendLease(to: end) }
        expiresAt.withLock { $0 = max($0, newExpiresAt) }
    }

    func verdict() -> ConsoleDeadlines.Verdict {
        deadlines.withLock { $0.verdict(at: .now) }
    }

    /// Waits until the lease expires or the session idles out; returns which.
    /// - Throws: `CancellationError` when the session ends first.
    func due() async throws -> ConsoleDeadlines.Verdict {
        while true {
            let verdict = verdict()
            guard case .wait(let time) = verdict else { return verdict }
            try await Task.sleep(for: time)
        }
    }

    /// The monotonic instant of a wall-clock expiry (so clock steps do not matter later).
    static func instant(of expiresAt: Int64, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let remaining = Double(expiresAt) - Date().timeIntervalSince1970
        return now + .milliseconds(Int64(max(min(remaining, 1e9), -1e9) * 1000))
    }
}
