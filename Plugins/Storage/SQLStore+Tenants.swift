import Foundation

extension SQLStore {
    public func createTenant(_ tenant: Tenant) async throws(StoreError) {
        try StoreValidation.name(tenant.id, "tenant id")
        try StoreValidation.name(tenant.name, "tenant name")
        if try await self.tenant(id: tenant.id) != nil { throw .conflict("tenant \(tenant.id)") }
        try await database.query(
            "INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, $3)",
            [.text(tenant.id), .text(tenant.name), .integer(Date().millisecondsSince1970)])
    }

    public func tenant(id: String) async throws(StoreError) -> Tenant? {
        try await database.query("SELECT id, name FROM tenants WHERE id = $1", [.text(id)]).first.map(Self.tenant)
    }

    public func tenants() async throws(StoreError) -> [Tenant] {
        try await database.query("SELECT id, name FROM tenants ORDER BY id").map(Self.tenant)
    }

    static func tenant(_ row: SQLRow) throws(StoreError) -> Tenant {
        Tenant(id: try row.text("id"), name: try row.text("name"))
    }
}
