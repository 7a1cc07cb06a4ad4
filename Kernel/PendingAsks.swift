import Synchronization

/// Asks sent over links and not yet answered, by correlation number, with their deadlines.
///
/// One timer task per bus fails the asks whose deadline passed, instead of a sleeping task per
/// ask (two more thread hops on every remote ask). It sleeps until the earliest deadline of
/// the asks still waiting, and ends when none is left.
final class PendingAsks: Sendable {
    private struct Entry {
        let node: NodeID
        let slot: ReplySlot<Body>
        let deadline: ContinuousClock.Instant
        let topic: Topic
        let timeout: Duration
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        /// When the running timer task wakes next; nil when none runs.
        var wake: ContinuousClock.Instant?
        /// Which timer task is the current one (an earlier deadline replaces the task).
        var timerGeneration: UInt64 = 0
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())
    private let counter = Atomic<UInt64>(0)

    /// Registers a new ask to `node`; the reply must come from that node. Unless settled
    /// before, it fails with ``BusError/timeout(topic:afterMilliseconds:)`` after `timeout`.
    func register(node: NodeID, topic: Topic, timeout: Duration) -> (UInt64, ReplySlot<Body>) {
        let id = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let slot = ReplySlot<Body>()
        let deadline = ContinuousClock.now + timeout
        state.withLock { state in
            state.entries[id] = Entry(node: node, slot: slot, deadline: deadline, topic: topic, timeout: timeout)
            if let wake = state.wake, wake <= deadline { return }
            state.timer?.cancel()
            state.timerGeneration &+= 1
            state.wake = deadline
            let generation = state.timerGeneration
            state.timer = Task { await self.runTimer(generation: generation, firstWake: deadline) }
        }
        return (id, slot)
    }

    /// Settles one ask. A reply from another node than the one asked is ignored (a node may
    /// not answer someone else's question).
    func resolve(_ id: UInt64, from node: NodeID, with result: Result<Body, any Error>) {
        let slot: ReplySlot<Body>? = state.withLock { state in
            guard let entry = state.entries[id], entry.node == node else { return nil }
            state.entries[id] = nil
            return entry.slot
        }
        slot?.resolve(result)
    }

    /// Forgets an ask that was settled some other way (cancellation, a failed delivery).
    func remove(_ id: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// Fails every ask waiting on `node` (its link went down).
    func failAll(to node: NodeID, with error: BusError) {
        let slots: [ReplySlot<Body>] = state.withLock { state in
            let matching = state.entries.filter { $0.value.node == node }
            for key in matching.keys { state.entries[key] = nil }
            return matching.values.map(\.slot)
        }
        for slot in slots { slot.resolve(.failure(error)) }
    }

    /// How many asks are waiting (for tests that check nothing leaks).
    var count: Int { state.withLock { $0.entries.count } }

    /// Whether a timer task is running (for tests that check it ends with the last ask).
    var hasTimer: Bool { state.withLock { $0.timer != nil } }

    /// Sleeps until the earliest deadline, fails the asks past theirs, and repeats while asks
    /// wait. Returns when cancelled or replaced by a timer for an earlier deadline.
    private func runTimer(generation: UInt64, firstWake: ContinuousClock.Instant) async {
        var wake = firstWake
        while true {
            do {
                try await Task.sleep(until: wake, tolerance: nil, clock: .continuous)
            } catch {
                return
            }
            let now = ContinuousClock.now
            let (expired, next): ([Entry], ContinuousClock.Instant?) = state.withLock { state in
                guard state.timerGeneration == generation else { return ([], nil) }
                var expiredIDs: [UInt64] = []
                var next: ContinuousClock.Instant?
                for (id, entry) in state.entries {
                    if entry.deadline <= now {
                        expiredIDs.append(id)
                    } else if next.map({ entry.deadline < $0 }) ?? true {
                        next = entry.deadline
                    }
                }
                let expired = expiredIDs.compactMap { state.entries.removeValue(forKey: $0) }
                state.wake = next
                if next == nil { state.timer = nil }
                return (expired, next)
            }
            for entry in expired {
                entry.slot.resolve(.failure(BusError.timeout(topic: entry.topic, afterMilliseconds: entry.timeout.milliseconds)))
            }
            guard let next else { return }
            wake = next
        }
    }
}
