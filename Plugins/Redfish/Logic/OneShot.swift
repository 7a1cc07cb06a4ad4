import Synchronization

/// A value delivered once, by whichever of several producers comes first; later ones are
/// ignored. Lets a caller stop waiting on work that cannot be cancelled (a request stuck in
/// a TLS handshake) without blocking on it.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, Never>)
        case done(Value)
    }

    private let state = Mutex(State.empty)

    /// Delivers `value` unless another one already was.
    func resume(_ value: Value) {
        let waiter: CheckedContinuation<Value, Never>? = state.withLock { state in
            switch state {
            case .empty:
                state = .done(value)
                return nil
            case .waiting(let continuation):
                state = .done(value)
                return continuation
            case .done:
                return nil
            }
        }
        waiter?.resume(returning: value)
    }

    /// The first delivered value (one waiter only).
    func wait() async -> Value {
        await withCheckedContinuation { continuation in
            let ready: Value? = state.withLock { state in
                if case .done(let value) = state { return value }
                state = .waiting(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// `task`'s value, or nil when it is not done within `timeout` (the task goes on).
    static func value<T: Sendable, Failure: Error>(of task: Task<T, Failure>, within timeout: Duration) async -> T? where Value == T? {
        let shot = OneShot<T?>()
        Task {
            let value = try? await task.value
            shot.resume(value)
        }
        Task {
            try? await Task.sleep(for: timeout)
            shot.resume(nil)
        }
        return await shot.wait()
    }
}
