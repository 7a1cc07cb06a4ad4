import Foundation

extension SQLStore {
    public func audit(after id: Int64, limit: Int) async throws(StoreError) -> [AuditEvent] {
        guard (1...1000).contains(limit) else { throw .invalid("limit must be 1...1000, not \(limit)") }
        return try await database.query(
            "SELECT id, at, actor, action, outcome, tenant_id, server_id, source, detail FROM audit WHERE id > $1 ORDER BY id LIMIT $2",
            [.integer(id), .integer(Int64(limit))]
        ).map(Self.auditEvent)
    }
}
