import Synchronization

/// Asks sent over links and not yet answered, by correlation number.
final class PendingAsks: Sendable {
    private struct Entry {
        let node: NodeID
        let slot: ReplySlot<Body>
    }

    private let entries = Mutex<[UInt64: Entry]>([:])
    private let counter = Atomic<UInt64>(0)

    /// Registers a new ask to `node`; the reply must come from that node.
    func register(node: NodeID) -> (UInt64, ReplySlot<Body>) {
        let id = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let slot = ReplySlot<Body>()
        entries.withLock { $0[id] = Entry(node: node, slot: slot) }
        return (id, slot)
    }

    /// Settles one ask. A reply from another node than the one asked is ignored (a node may
    /// not answer someone else's question).
    func resolve(_ id: UInt64, from node: NodeID, with result: Result<Body, any Error>) {
        let slot: ReplySlot<Body>? = entries.withLock { entries in
            guard let entry = entries[id], entry.node == node else { return nil }
            entries[id] = nil
            return entry.slot
        }
        slot?.resolve(result)
    }

    /// Forgets an ask that was settled some other way (timeout, cancellation).
    func remove(_ id: UInt64) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }

    /// Fails every ask waiting on `node` (its link went down).
    func failAll(to node: NodeID, with error: BusError) {
        let slots: [ReplySlot<Body>] = entries.withLock { entries in
            let matching = entries.filter { $0.value.node == node }
            for key in matching.keys { entries[key] = nil }
            return matching.values.map(\.slot)
        }
        for slot in slots { slot.resolve(.failure(error)) }
    }

    /// How many asks are waiting (for tests that check nothing leaks).
    var count: Int { entries.withLock { $0.count } }
}
