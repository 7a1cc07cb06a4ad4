import Foundation

extension SQLStore {
    /// The server columns with the live state: online while its agent is online in its
    /// gateway's last report and that gateway is within its online time (`$1` is now).
    static let serverSelect = """
        SELECT s.id, s.tenant_id, s.gateway_id, s.capabilities, s.agent_node, s.last_seen,
            CASE WHEN s.last_seen IS NULL THEN NULL
                WHEN s.agent_node IS NOT NULL AND a.online = 1 AND a.gateway_id = s.gateway_id AND g.online_until > $1 THEN 1
                ELSE 0 END AS online
        FROM servers s LEFT JOIN agent_presence a ON a.node = s.agent_node LEFT JOIN gateways g ON g.id = s.gateway_id
        """

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

    @discardableResult
    public func assignServer(id: String, tenantID: String?) async throws(StoreError) -> String? {
        let lock = database.dialect == .postgres ? " FOR UPDATE" : ""
        return try await database.transaction { (sql: any SQLExecutor) async throws(StoreError) -> String? in
            // The row stays locked (PostgreSQL; SQLite runs one transaction at a time) so the
            // previous owner returned is the one this change replaced.
            guard let row = try await sql.query("SELECT tenant_id FROM servers WHERE id = $1\(lock)", [.text(id)]).first else {
                throw .notFound("server \(id)")
            }
            if let tenantID, try await sql.query("SELECT id FROM tenants WHERE id = $1", [.text(tenantID)]).isEmpty {
                throw .notFound("tenant \(tenantID)")
            }
            try await sql.query(
                "UPDATE servers SET tenant_id = $1, updated_at = $2 WHERE id = $3",
                [.optionalText(tenantID), .integer(Date().millisecondsSince1970), .text(id)])
            return try row.optionalText("tenant_id")
        }
    }

    public func server(id: String) async throws(StoreError) -> ManagedServer? {
        try await database.query("\(Self.serverSelect) WHERE s.id = $2", [.integer(Date().millisecondsSince1970), .text(id)]).first.map(Self.server)
    }

    public func servers(tenantIDs: [String]?) async throws(StoreError) -> [ManagedServer] {
        guard let tenantIDs else {
            return try await database.query("\(Self.serverSelect) ORDER BY s.id", [.integer(Date().millisecondsSince1970)]).map(Self.server)
        }
        guard !tenantIDs.isEmpty else { return [] }
        return try await database.query(
            "\(Self.serverSelect) WHERE s.tenant_id IN (\(Self.placeholders(count: tenantIDs.count, from: 2))) ORDER BY s.id",
            [.integer(Date().millisecondsSince1970)] + tenantIDs.map(SQLValue.text)
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
            capabilities: capabilities.isEmpty ? [] : capabilities.split(separator: ",").map(String.init),
            agentNode: try row.optionalText("agent_node"), lastSeen: try row.optionalInteger("last_seen").map(Date.init(millisecondsSince1970:)),
            online: try row.optionalInteger("online").map { $0 != 0 })
    }
}
