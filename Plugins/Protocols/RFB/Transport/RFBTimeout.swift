import Synchronization

/// Runs work with a deadline that cannot cancel it directly (a read in progress on a byte
/// stream), by calling `onExpiry` (for example: close the stream) when time is up. The work
/// then sees its stream end and asks `hasFired` to report a timeout instead of a close.
final class RFBTimeout: Sendable {
    private let fired = Mutex(false)

    /// Whether the deadline passed before the work finished.
    var hasFired: Bool { fired.withLock { $0 } }

    private init() {}

    /// Runs `body`; if it is still running after `duration`, calls `onExpiry` once.
    static func run<Result>(
        _ duration: Duration,
        onExpiry: @escaping @Sendable () -> Void,
        _ body: (RFBTimeout) async throws -> Result
    ) async throws -> Result {
        let timeout = RFBTimeout()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await Task.sleep(for: duration)
                } catch {
                    return
                }
                timeout.fired.withLock { $0 = true }
                onExpiry()
            }
            let result = try await body(timeout)
            group.cancelAll()
            return result
        }
    }
}
