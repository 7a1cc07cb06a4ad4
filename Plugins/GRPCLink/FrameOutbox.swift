import GRPCCore
import Synchronization

/// Where the frames of one Control RPC go. A sender writes its frame to the RPC writer itself
/// (no hand-off to a writer task: one thread hop less per frame); `send` returns once the
/// writer has taken the frame (back-pressure: a peer that stops reading stops the senders,
/// and nothing piles up). Senders that come before the writer is there wait for it; after
/// ``close()`` or a failed write, `send` throws ``Closed``.
final class FrameOutbox: Sendable {
    /// The connection has ended.
    struct Closed: Error {}

    private typealias Waiter = CheckedContinuation<RPCWriter<WireFrame>?, Never>

    private enum State {
        case starting([Waiter])
        case writing(RPCWriter<WireFrame>)
        case closed
    }

    private let state = Mutex<State>(.starting([]))
    private let ended = OneShot<Void>()

    init() {}

    /// Writes `frame` and waits until the writer took it.
    func send(_ frame: WireFrame) async throws {
        guard let writer = await writer() else { throw Closed() }
        do {
            try await writer.write(frame)
        } catch where Task.isCancelled {
            // Only this sender gave up (its write was waiting for the peer to read): the
            // connection goes on.
            throw CancellationError()
        } catch {
            end(.failure(error))
            throw Closed()
        }
    }

    /// Lets senders write into `writer` until ``close()`` (returns) or a write fails (throws
    /// that write's error).
    func drain(into writer: RPCWriter<WireFrame>) async throws {
        let waiters: [Waiter]? = state.withLock { state in
            guard case .starting(let waiters) = state else { return nil }
            state = .writing(writer)
            return waiters
        }
        guard let waiters else { return }
        for waiter in waiters { waiter.resume(returning: writer) }
        do {
            try await ended.wait()
        } catch is CancellationError {
            return
        }
    }

    /// Refuses further frames and releases every waiting sender.
    func close() {
        end(.success(()))
    }

    private func end(_ result: Result<Void, any Error>) {
        let waiters: [Waiter] = state.withLock { state in
            defer { state = .closed }
            if case .starting(let waiters) = state { return waiters }
            return []
        }
        for waiter in waiters { waiter.resume(returning: nil) }
        ended.resolve(result)
    }

    /// The writer, once there; nil once the outbox is closed.
    private func writer() async -> RPCWriter<WireFrame>? {
        let current: RPCWriter<WireFrame>?? = state.withLock { state in
            switch state {
            case .writing(let writer): .some(writer)
            case .closed: .some(nil)
            case .starting: .none
            }
        }
        if let current { return current }
        return await withCheckedContinuation { (continuation: Waiter) in
            let ready: RPCWriter<WireFrame>?? = state.withLock { state in
                switch state {
                case .starting(var waiters):
                    waiters.append(continuation)
                    state = .starting(waiters)
                    return .none
                case .writing(let writer):
                    return .some(writer)
                case .closed:
                    return .some(nil)
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
