import Foundation
import Synchronization

/// Tracks a writer that may block, so a test can wait until flow control holds it.
final class WriteProgress: Sendable {
    private struct State {
        var pendingSince: ContinuousClock.Instant?
        var bytes = 0
    }

    private let state = Mutex(State())

    func begin() { state.withLock { $0.pendingSince = .now } }
    func end() { state.withLock { $0.pendingSince = nil; $0.bytes += 64 * 1024 } }

    var bytes: Int { state.withLock { $0.bytes } }

    /// Whether a write is pending right now.
    var isBlocked: Bool { state.withLock { $0.pendingSince != nil } }

    /// Waits until one write has been pending for `duration` (checked every 20 ms).
    func waitUntilBlocked(for duration: Duration, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let since = state.withLock({ $0.pendingSince }), ContinuousClock.now - since >= duration { return }
            guard ContinuousClock.now < deadline else {
                throw LinkWaitError(message: "the stalled stream never blocked its writer (\(bytes) bytes written)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
