import Foundation

extension SQLStore {
    static let serverColumns = "id, tenant_id, gateway_id, capabilities"

    public func upsertGateway(_ gateway: Gateway) async throws(StoreError) {
        try StoreValidation.name(gateway.id, "gateway id")
        try await database.query(
            """
            INSERT INTO gateways (id, url, last_seen) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET url = excluded.url, last_seen = excluded.last_seen
            """,
            [.text(gateway.id), .optionalText(gateway.url), .optionalInteger(gateway.lastSeen?.millisecondsSince1970)])
    }

    public func gateways() async throws(StoreError) -> [Gateway] {
        try await database.query("SELECT id, url, last_seen FROM gateways ORDER BY id").map { row throws(StoreError) in
            Gateway(id: try row.text("id"), url: try row.optionalText("url"),
                    lastSeen: try row.optionalInteger("last_seen").map(Date.init(millisecondsSince1970:)))
        }
    }

    public func reportServer(id: String, gatewayID: String?, capabilities: [String]) async throws(StoreError) {
        try StoreValidation.name(id, "server id")
        for capability in capabilities { try StoreValidation.capability(capability) }
        try await database.transaction { (sql: any SQLExecutor) async throws(StoreError) in
            if let gatewayID {
                try StoreValidation.name(gatewayID, "gateway id")
                try await sql.query("INSERT INTO gateways (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [.text(gatewayID)])
            }
            try await sql.query(
                """
                INSERT INTO servers (id, gateway_id, capabilities, updated_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (id) DO UPDATE SET gateway_id = excluded.gateway_id, capabilities = excluded.capabilities,
                    updated_at = excluded.updated_at
                """,
                [.text(id), .optionalText(gatewayID), .text(capabilities.joined(separator: ",")), .integer(Date().millisecondsSince1970)])
        }
    }

    public func assignServer(id: String, tenantID: String?) async throws(StoreError) {
        guard try await server(id: id) != nil else { throw .notFound("server \(id)") }
        if let tenantID, try await tenant(id: tenantID) == nil { throw .notFound("tenant \(tenantID)") }
        try await database.query(
            "UPDATE servers SET tenant_id = $1, updated_at = $2 WHERE id = $3",
            [.optionalText(tenantID), .integer(Date().millisecondsSince1970), .text(id)])
    }

    public func server(id: String) async throws(StoreError) -> ManagedServer? {
        try await database.query("SELECT \(Self.serverColumns) FROM servers WHERE id = $1", [.text(id)]).first.map(Self.server)
    }

    public func servers(tenantIDs: [String]?) async throws(StoreError) -> [ManagedServer] {
        guard let tenantIDs else {
            return try await database.query("SELECT \(Self.serverColumns) FROM servers ORDER BY id").map(Self.server)
        }
        guard !tenantIDs.isEmpty else { return [] }
        return try await database.query(
            "SELECT \(Self.serverColumns) FROM servers WHERE tenant_id IN (\(Self.placeholders(count: tenantIDs.count, from: 1))) ORDER BY id",
            tenantIDs.map(SQLValue.text)
        ).map(Self.server)
    }

    public func upsertAgent(_ agent: Agent) async throws(StoreError) {
        try StoreValidation.name(agent.node, "agent node")
        try StoreValidation.name(agent.enrolment, "agent enrolment")
        try await database.query(
            """
            INSERT INTO agents (node, gateway_id, enrolment, enrolled_at, revoked) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (node) DO UPDATE SET gateway_id = excluded.gateway_id, enrolment = excluded.enrolment,
                enrolled_at = excluded.enrolled_at, revoked = excluded.revoked
            """,
            [.text(agent.node), .optionalText(agent.gatewayID), .text(agent.enrolment),
             .integer(agent.enrolledAt.millisecondsSince1970), .bool(agent.revoked)])
    }

    public func agent(node: String) async throws(StoreError) -> Agent? {
        try await database.query(
            "SELECT node, gateway_id, enrolment, enrolled_at, revoked FROM agents WHERE node = $1", [.text(node)]
        ).first.map { row throws(StoreError) in
            Agent(node: try row.text("node"), gatewayID: try row.optionalText("gateway_id"), enrolment: try row.text("enrolment"),
                  enrolledAt: Date(millisecondsSince1970: try row.integer("enrolled_at")), revoked: try row.bool("revoked"))
        }
    }

    public func revokeAgent(node: String) async throws(StoreError) {
        guard try await agent(node: node) != nil else { throw .notFound("agent \(node)") }
        try await database.query("UPDATE agents SET revoked = 1 WHERE node = $1", [.text(node)])
    }

    static func server(_ row: SQLRow) throws(StoreError) -> ManagedServer {
        let capabilities = try row.text("capabilities")
        return ManagedServer(
            id: try row.text("id"), tenantID: try row.optionalText("tenant_id"), gatewayID: try row.optionalText("gateway_id"),
            capabilities: capabilities.isEmpty ? [] : capabilities.split(separator: ",").map(String.init))
    }
}
