import Storage

/// Which page of the audit log: records before `before` (an audit ID), `size` at most. The
/// manager is asked for one more than `size` to know whether an older page exists.
struct AuditPage: Sendable, Hashable {
    let before: Int64?
    let size: Int

    /// From `?before=`: absent or a positive integer.
    /// - Throws: ``DashboardRefusal`` for anything else.
    init(query before: String?, size: Int) throws {
        if let before {
            guard before.count <= 20, let id = Int64(before), id > 0 else {
                throw DashboardRefusal.badRequest("before must be a positive audit record number")
            }
            self.before = id
        } else {
            self.before = nil
        }
        self.size = size
    }

    /// How many records to ask for.
    var limit: Int { size + 1 }

    /// The records to show and the `before` of the older page, if there is one.
    func split(_ events: [AuditEvent]) -> (shown: [AuditEvent], older: Int64?) {
        let shown = Array(events.prefix(size))
        return (shown, events.count > size ? shown.last?.id : nil)
    }
}
