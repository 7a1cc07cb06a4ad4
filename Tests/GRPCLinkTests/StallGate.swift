import Synchronization

/// Holds stalled stream handlers until the test releases them (or a bound passes), so a
/// handler neither reads nor closes its end while the test measures.
final class StallGate: Sendable {
    static let shared = StallGate()

    private let waiters = Mutex<[CheckedContinuation<Void, Never>]>([])

    /// Suspends until ``release()`` or `bound`, whichever comes first.
    func wait(atMost bound: Duration) async {
        let timer = Task {
            try await Task.sleep(for: bound)
            self.release()
        }
        defer { timer.cancel() }
        await withCheckedContinuation { continuation in
            waiters.withLock { $0.append(continuation) }
        }
    }

    /// Lets every waiting handler return; later waits wait for the next release.
    func release() {
        let ready = waiters.withLock { waiters in
            defer { waiters.removeAll() }
            return waiters
        }
        for continuation in ready { continuation.resume() }
    }
}
