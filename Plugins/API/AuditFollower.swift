import Auth
import Foundation
import Kernel
import ServiceLifecycle
import Storage

/// Follows the audit log for one client, for `GET /v1/audit/stream` and the gRPC `WatchAudit`:
/// the backlog after `since` (or after the ID `afterID`), then new records as they are appended,
/// oldest first. Every batch is asked of `auth` with the caller's token, so the same rules
/// decide what it sees as for a query, and an expired token or a lost role ends the stream.
/// At most one batch (`batchSize` records) is held per client; the front that delivers it
/// cuts off a client that stops reading.
struct AuditFollower: Sendable {
    let bus: Bus
    let timeout: Duration
    let pollInterval: Duration
    var batchSize = 500

    /// Where a stream stands: the next query (its `afterID` is the last record delivered) and
    /// the first batch, read when the stream was opened.
    struct Cursor: Sendable {
        var query: Manager.QueryAudit
        var pending: [AuditEvent]
        var caughtUp: Bool
    }

    /// Why a stream ended without an error.
    enum End: String, Sendable {
        case clientGone = "the client went away"
        case untilReached = "until reached"
        case shutdown = "the manager is shutting down"
    }

    /// Opens a stream: one query, so a refused token, role or filter fails here, before
    /// anything was sent. Without `since` and `afterID` only records appended from now on follow.
    func open(_ query: Manager.QueryAudit) async throws -> Cursor {
        var query = query
        query.limit = batchSize
        if query.afterID == nil, query.since == nil {
            var newest = query
            newest.limit = 1
            query.afterID = try await bus.ask(newest, timeout: timeout).events.first?.id ?? 0
            return Cursor(query: query, pending: [], caughtUp: true)
        }
        query.afterID = query.afterID ?? 0
        let first = try await bus.ask(query, timeout: timeout).events
        var cursor = Cursor(query: query, pending: first, caughtUp: false)
        cursor.advance(past: first, batchSize: batchSize)
        return cursor
    }

    /// Delivers batches until the client goes away, `until` passes, the manager shuts down, or
    /// a query fails (thrown: an expired token, a lost role, the database).
    func follow(
        _ cursor: Cursor, isConnected: @Sendable () -> Bool, now: @Sendable () -> Date = { Date() },
        deliver: ([AuditEvent]) async throws -> Void
    ) async throws -> End {
        var cursor = cursor
        if !cursor.pending.isEmpty { try await deliver(cursor.pending) }
        while true {
            if cursor.caughtUp {
                if let until = cursor.query.until, now() >= until { return .untilReached }
                try await Task.sleep(for: pollInterval)
            }
            guard isConnected() else { return .clientGone }
            guard !Task.isShuttingDownGracefully else { return .shutdown }
            let events = try await bus.ask(cursor.query, timeout: timeout).events
            if !events.isEmpty { try await deliver(events) }
            cursor.advance(past: events, batchSize: batchSize)
        }
    }
}

extension AuditFollower.Cursor {
    /// After a batch: continue after its last record; a short batch means the backlog is done
    /// (from then on `since` no longer applies, so a record from a replica whose clock lags
    /// is not skipped).
    mutating func advance(past events: [AuditEvent], batchSize: Int) {
        if let last = events.last?.id { query.afterID = last }
        caughtUp = events.count < batchSize
        if caughtUp { query.since = nil }
    }
}
