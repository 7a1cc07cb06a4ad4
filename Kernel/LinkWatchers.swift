import Synchronization

/// Everyone following link changes on one node.
final class LinkWatchers: Sendable {
    private let watchers = Mutex<[UInt64: AsyncStream<LinkChange>.Continuation]>([:])
    private let counter = Atomic<UInt64>(0)

    func add(_ continuation: AsyncStream<LinkChange>.Continuation) {
        let id = counter.wrappingAdd(1, ordering: .relaxed).newValue
        watchers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.watchers.withLock { $0.removeValue(forKey: id) }
        }
    }

    func publish(_ change: LinkChange) {
        for continuation in watchers.withLock({ Array($0.values) }) { continuation.yield(change) }
    }
}
