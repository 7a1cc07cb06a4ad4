import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The keyboard, read once per process on a dedicated thread (a blocking `read(2)` must not
/// occupy a Swift concurrency thread) and handed to whichever console session reads now.
/// Bytes typed between two sessions (while a lost console reconnects) wait for the next one;
/// a reader that is cancelled loses nothing.
final class KeyboardInput: Sendable {
    /// What one read gives.
    enum Read: Sendable, Equatable {
        case bytes([UInt8])
        /// Standard input ended (EOF or a read error).
        case endOfInput
        /// The reading task was cancelled; the next read continues where this one stopped.
        case cancelled
    }

    static let shared = KeyboardInput()

    private struct State {
        var chunks: [[UInt8]] = []
        var ended = false
        var started = false
        var waiter: CheckedContinuation<Read, Never>?
    }

    private let state = Mutex(State())

    /// The next chunk of keyboard bytes, waiting for one.
    func next() async -> Read {
        startIfNeeded()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let immediate: Read? = state.withLock { state in
                    if !state.chunks.isEmpty { return .bytes(state.chunks.removeFirst()) }
                    if state.ended { return .endOfInput }
                    if Task.isCancelled { return .cancelled }
                    state.waiter = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            state.withLock { state in
                let waiter = state.waiter
                state.waiter = nil
                return waiter
            }?.resume(returning: .cancelled)
        }
    }

    /// Hands `read` to the waiting reader, or keeps it for the next one.
    private func deliver(_ read: Read) {
        let waiter: CheckedContinuation<Read, Never>? = state.withLock { state in
            if case .endOfInput = read { state.ended = true }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            if case .bytes(let bytes) = read { state.chunks.append(bytes) }
            return nil
        }
        waiter?.resume(returning: read)
    }

    private func startIfNeeded() {
        let start = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard start else { return }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, 4096) }
                if count <= 0 { break }
                deliver(.bytes(Array(buffer[0..<count])))
            }
            deliver(.endOfInput)
        }
        thread.start()
    }
}
