import Kernel
import Synchronization

/// One result that arrives once, from whichever party gets there first (the peer, a timer,
/// the end of the connection); later results are ignored.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, any Error>)
        case resolved(Result<Value, any Error>)
    }

    private let state = Mutex<State>(.empty)

    init() {}

    /// Settles the result; returns false when it was already settled.
    @discardableResult
    func resolve(_ result: Result<Value, any Error>) -> Bool {
        let (settled, waiter): (Bool, CheckedContinuation<Value, any Error>?) = state.withLock { state in
            switch state {
            case .empty:
                state = .resolved(result)
                return (true, nil)
            case .waiting(let continuation):
                state = .resolved(result)
                return (true, continuation)
            case .resolved:
                return (false, nil)
            }
        }
        waiter?.resume(with: result)
        return settled
    }

    /// Whether a result has arrived.
    var isResolved: Bool {
        state.withLock { if case .resolved = $0 { true } else { false } }
    }

    /// Suspends until the result arrives, at most `timeout`; then `onTimeout` is the result.
    /// Cancelling the waiting task settles it with `CancellationError`. Only one task waits.
    func wait(timeout: Duration, onTimeout: @escaping @Sendable () -> any Error) async throws -> Value {
        let timer = Task { [self] in
            try await Task.sleep(for: timeout)
            resolve(.failure(onTimeout()))
        }
        defer { timer.cancel() }
        return try await wait()
    }

    /// Suspends until the result arrives. Cancelling the waiting task settles it with
    /// `CancellationError`. Only one task waits.
    func wait() async throws -> Value {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<Value, any Error>? = state.withLock { state in
                    switch state {
                    case .empty:
                        state = .waiting(continuation)
                        return nil
                    case .resolved(let result):
                        return result
                    case .waiting:
                        return .failure(BusError.remote(code: "internal", message: "a link result was awaited twice"))
                    }
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            resolve(.failure(CancellationError()))
        }
    }
}
