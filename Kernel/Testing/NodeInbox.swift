import Kernel
import Synchronization

/// What test plugins received, per node (audit records, notifications...), with a wait that
/// wakes on each new item instead of polling.
public final class NodeInbox<Item: Sendable>: Sendable {
    private struct State {
        var items: [NodeID: [Item]] = [:]
        var waiters: [AsyncStream<Void>.Continuation] = []
    }

    private let state = Mutex(State())

    public init() {}

    public func append(_ item: Item, on node: NodeID) {
        let waiters = state.withLock { state in
            state.items[node, default: []].append(item)
            return state.waiters
        }
        for waiter in waiters { waiter.yield() }
    }

    public func items(on node: NodeID) -> [Item] {
        state.withLock { $0.items[node] ?? [] }
    }

    /// Waits until an item on `node` matches, for at most `timeout`; nil when none did.
    public func wait(on node: NodeID, timeout: Duration = .seconds(10), for match: @escaping @Sendable (Item) -> Bool) async -> Item? {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        state.withLock { $0.waiters.append(continuation) }
        defer { continuation.finish() }
        if let found = items(on: node).first(where: match) { return found }
        return await withTaskGroup(of: Item?.self) { group in
            group.addTask {
                for await _ in stream { if let found = self.items(on: node).first(where: match) { return found } }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? self.items(on: node).first(where: match)
        }
    }
}
