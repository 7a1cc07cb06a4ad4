import Contracts

/// The gateway's audit events waiting for the manager. Pure and bounded: beyond `capacity`
/// the oldest event is dropped and counted; the next batch starts with a notice of the drops
/// (itself an audit event), so the manager's log says that something is missing and how much.
struct AuditBuffer: Sendable {
    /// Events taken for delivery, up to a sequence number.
    struct Batch: Sendable, Equatable {
        var events: [AuditTrail.Event]
        /// Remove events up to this sequence number once delivered.
        var throughSequence: UInt64
        /// Drops announced by this batch's notice.
        var droppedAnnounced: Int
    }

    let capacity: Int
    private(set) var pending: [(sequence: UInt64, event: AuditTrail.Event)] = []
    /// Dropped and not yet announced to the manager.
    private(set) var dropped = 0
    private var nextSequence: UInt64 = 1

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    var isEmpty: Bool { pending.isEmpty && dropped == 0 }

    mutating func append(_ event: AuditTrail.Event) {
        if pending.count >= capacity {
            pending.removeFirst()
            dropped += 1
        }
        pending.append((nextSequence, event))
        nextSequence += 1
    }

    /// The oldest `limit` events, after a drop notice when events were dropped.
    func batch(limit: Int, gateway: String, atMilliseconds: Int64) -> Batch {
        let taken = pending.prefix(max(limit, 1))
        var events = taken.map(\.event)
        if dropped > 0 {
            events.insert(AuditTrail.Event(
                atMilliseconds: atMilliseconds, actor: "gateway:\(gateway)", action: "audit.dropped", outcome: .failed,
                detail: "\(dropped) audit events dropped while the manager was unreachable (buffer of \(capacity))"), at: 0)
        }
        return Batch(events: events, throughSequence: taken.last?.sequence ?? 0, droppedAnnounced: dropped)
    }

    /// Forgets what `batch` delivered (events dropped meanwhile stay counted).
    mutating func delivered(_ batch: Batch) {
        pending.removeAll { $0.sequence <= batch.throughSequence }
        dropped -= min(batch.droppedAnnounced, dropped)
    }
}
