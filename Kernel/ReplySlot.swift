import Synchronization

/// One answer that will arrive once, from whichever of handler, timer, link loss or
/// cancellation gets there first. Later resolutions are ignored.
final class ReplySlot<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, any Error>)
        case resolved(Result<Value, any Error>)
        case delivered
    }

    private let state = Mutex<State>(.empty)

    /// Settles the slot; returns false when it was already settled.
    @discardableResult
    func resolve(_ result: Result<Value, any Error>) -> Bool {
        let (settled, waiter): (Bool, CheckedContinuation<Value, any Error>?) = state.withLock { state in
            switch state {
            case .empty:
                state = .resolved(result)
                return (true, nil)
            case .waiting(let continuation):
                state = .delivered
                return (true, continuation)
            case .resolved, .delivered:
                return (false, nil)
            }
        }
        waiter?.resume(with: result)
        return settled
    }

    /// The result if it is already there (the fast path of a local ask), without suspending.
    func takeIfResolved() -> Result<Value, any Error>? {
        state.withLock { state in
            guard case .resolved(let result) = state else { return nil }
            state = .delivered
            return result
        }
    }

    /// Suspends until the slot is settled.
    func wait() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Value, any Error>? = state.withLock { state in
                switch state {
                case .empty:
                    state = .waiting(continuation)
                    return nil
                case .resolved(let result):
                    state = .delivered
                    return result
                case .waiting, .delivered:
                    return .failure(BusError.remote(code: "internal", message: "reply awaited twice"))
                }
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
