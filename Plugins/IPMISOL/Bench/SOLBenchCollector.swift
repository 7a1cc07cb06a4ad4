import Synchronization

/// Counts the bytes a console delivers and stamps the instant a target count is reached, on
/// the delivering thread, so the measured time excludes waking the waiting task.
final class SOLBenchCollector: Sendable {
    private struct State {
        var count = 0
        var tail: [UInt8] = []
        var target = Int.max
        var waiter: CheckedContinuation<ContinuousClock.Instant?, Never>?
        var waiterID = 0
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    var count: Int { state.withLock { $0.count } }

    /// The last few KiB received, for finding banners.
    var tailText: String { state.withLock { String(decoding: $0.tail, as: UTF8.self) } }

    func append(_ chunk: some Collection<UInt8>) {
        let now = ContinuousClock.now
        let waiter: CheckedContinuation<ContinuousClock.Instant?, Never>? = state.withLock { state in
            state.count += chunk.count
            state.tail += chunk
            if state.tail.count > 8192 { state.tail.removeFirst(state.tail.count - 4096) }
            guard state.count >= state.target, let waiter = state.waiter else { return nil }
            state.waiter = nil
            state.target = .max
            return waiter
        }
        waiter?.resume(returning: now)
    }

    /// Waits until `target` bytes have arrived in all; returns the instant the last of them did.
    func reach(_ target: Int, timeout: Duration) async throws -> ContinuousClock.Instant {
        let instant: ContinuousClock.Instant? = await withCheckedContinuation { continuation in
            let id: Int? = state.withLock { state in
                guard state.count < target else { return nil }
                state.target = target
                state.waiter = continuation
                state.waiterID += 1
                return state.waiterID
            }
            guard let id else { return continuation.resume(returning: ContinuousClock.now) }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { self.expire(id) }
            }
            state.withLock { $0.timer = timer }
        }
        state.withLock { state -> Task<Void, Never>? in
            defer { state.timer = nil }
            return state.timer
        }?.cancel()
        guard let instant else { throw SOLBenchError.timeout("\(target) bytes (got \(count))") }
        return instant
    }

    /// Polls (every 10 ms, bounded by `timeout`) until the recent output contains `text`.
    func waitFor(_ text: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while !tailText.contains(text) {
            guard ContinuousClock.now < deadline else { throw SOLBenchError.timeout("\"\(text)\" (got \"\(tailText.suffix(200))\")") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    private func expire(_ id: Int) {
        let expired = state.withLock { state -> CheckedContinuation<ContinuousClock.Instant?, Never>? in
            guard state.waiterID == id, let waiter = state.waiter else { return nil }
            state.waiter = nil
            state.target = .max
            return waiter
        }
        expired?.resume(returning: nil)
    }
}
