import Foundation

/// Which audit records to read: newest first by default (paging back with `beforeID`), or
/// oldest first after an ID (following the log); optionally only some tenants, one server,
/// one action, a time range.
public struct AuditFilter: Sendable, Hashable {
    /// nil: every record (superadmins); otherwise only records of these tenants.
    public var tenantIDs: [String]?
    /// Only records of this server.
    public var serverID: String?
    /// Only records of this action (`login`, `server.assign`, ...).
    public var action: String?
    /// Only records at or after this time.
    public var since: Date?
    /// Only records before this time.
    public var until: Date?
    /// Only records with a smaller ID (paging backwards).
    public var beforeID: Int64?
    /// Only records with a larger ID (following the log).
    public var afterID: Int64?
    /// Oldest first instead of newest first.
    public var oldestFirst: Bool
    /// At most this many, 1...1000.
    public var limit: Int

    public init(
        tenantIDs: [String]? = nil, serverID: String? = nil, action: String? = nil, since: Date? = nil, until: Date? = nil,
        beforeID: Int64? = nil, afterID: Int64? = nil, oldestFirst: Bool = false, limit: Int = 100
    ) {
        self.tenantIDs = tenantIDs
        self.serverID = serverID
        self.action = action
        self.since = since
        self.until = until
        self.beforeID = beforeID
        self.afterID = afterID
        self.oldestFirst = oldestFirst
        self.limit = limit
    }
}
