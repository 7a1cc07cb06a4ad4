/// Which audit records to read: newest first, optionally only some tenants, before an ID.
public struct AuditFilter: Sendable, Hashable {
    /// nil: every record (superadmins); otherwise only records of these tenants.
    public var tenantIDs: [String]?
    /// Only records with a smaller ID (paging backwards).
    public var beforeID: Int64?
    /// At most this many, 1...1000.
    public var limit: Int

    public init(tenantIDs: [String]? = nil, beforeID: Int64? = nil, limit: Int = 100) {
        self.tenantIDs = tenantIDs
        self.beforeID = beforeID
        self.limit = limit
    }
}
