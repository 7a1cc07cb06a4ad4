import Foundation

extension SQLStore {
    public func audit(after id: Int64, limit: Int) async throws(StoreError) -> [AuditEvent] {
        try await audit(AuditFilter(afterID: id, oldestFirst: true, limit: limit))
    }
}
