/// Starts tasks that live no longer than the scope of ``withChildTasks(_:)``: the byte
/// streams of one link connection end with the connection.
struct ChildTasks: Sendable {
    fileprivate let jobs: AsyncStream<@Sendable () async -> Void>.Continuation

    /// Starts `job`; it is cancelled when the scope ends.
    func spawn(_ job: @escaping @Sendable () async -> Void) {
        jobs.yield(job)
    }
}

/// Runs `body` with a ``ChildTasks`` handle; when `body` ends, every task it started is
/// cancelled and awaited.
func withChildTasks<T: Sendable>(_ body: (ChildTasks) async throws -> T) async throws -> T {
    let (stream, continuation) = AsyncStream<@Sendable () async -> Void>.makeStream()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            await withDiscardingTaskGroup { children in
                for await job in stream { children.addTask { await job() } }
            }
        }
        defer {
            continuation.finish()
            group.cancelAll()
        }
        return try await body(ChildTasks(jobs: continuation))
    }
}
