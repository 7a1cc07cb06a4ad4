import Synchronization

/// When the viewer last sent user input, and a watchdog that waits until none has arrived for
/// a given time.
final class RFBIdleClock: Sendable {
    private let lastInput = Mutex(ContinuousClock.now)

    /// Notes user input now.
    func touch() {
        lastInput.withLock { $0 = .now }
    }

    /// Returns once `limit` has passed without `touch()`; throws `CancellationError` when the
    /// task is cancelled first. Each round sleeps until the current deadline, so the loop runs
    /// at most once per input received.
    func waitUntilIdle(for limit: Duration) async throws {
        while true {
            let deadline = lastInput.withLock { $0 } + limit
            if ContinuousClock.now >= deadline { return }
            try await Task.sleep(until: deadline, clock: .continuous)
        }
    }
}
