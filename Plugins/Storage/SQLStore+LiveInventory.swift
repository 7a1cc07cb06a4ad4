import Foundation

extension SQLStore {
    public func recordGatewayReport(_ report: GatewayReport) async throws(StoreError) -> Int {
        try StoreValidation.name(report.gatewayID, "gateway id")
        var byServer: [String: ReportedServer] = [:]
        for agent in report.agents {
            try StoreValidation.name(agent.node, "agent node")
            if let version = agent.version { try StoreValidation.name(version, "agent version") }
            for server in agent.servers {
                try StoreValidation.name(server.id, "server id")
                for capability in server.capabilities { try StoreValidation.capability(capability) }
                byServer[server.id] = ReportedServer(agent: agent.node, capabilities: server.capabilities)
            }
        }
        let reported = byServer
        let gateway = report.gatewayID
        let at = report.at.millisecondsSince1970
        try await database.transaction { (sql: any SQLExecutor) async throws(StoreError) in
            try await sql.query(
                """
                INSERT INTO gateways (id, last_seen, online_until) VALUES ($1, $2, $3)
                ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, online_until = excluded.online_until
                """,
                [.text(gateway), .integer(at), .integer(report.onlineUntil.millisecondsSince1970)])
            for agent in report.agents {
                try await sql.query(
                    """
                    INSERT INTO agent_presence (node, gateway_id, version, online, last_seen) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (node) DO UPDATE SET gateway_id = excluded.gateway_id, version = excluded.version,
                        online = excluded.online, last_seen = excluded.last_seen
                    """,
                    [.text(agent.node), .text(gateway), .optionalText(agent.version), .bool(agent.online), .integer(at)])
            }
            // Agents this gateway no longer lists are offline (their servers follow below).
            let listed = Set(report.agents.map(\.node))
            for row in try await sql.query("SELECT node FROM agent_presence WHERE gateway_id = $1 AND online = 1", [.text(gateway)]) {
                let node = try row.text("node")
                if !listed.contains(node) {
                    try await sql.query("UPDATE agent_presence SET online = 0 WHERE node = $1", [.text(node)])
                }
            }
            for (id, entry) in reported.sorted(by: { $0.key < $1.key }) {
                try await sql.query(
                    """
                    INSERT INTO servers (id, gateway_id, agent_node, capabilities, last_seen, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
                    ON CONFLICT (id) DO UPDATE SET gateway_id = excluded.gateway_id, agent_node = excluded.agent_node,
                        capabilities = excluded.capabilities, last_seen = excluded.last_seen, updated_at = excluded.updated_at
                    """,
                    [.text(id), .text(gateway), .text(entry.agent), .text(entry.capabilities.joined(separator: ",")), .integer(at)])
            }
            // A server this gateway reported before but not now keeps its tenant and gateway,
            // and loses its agent: offline until someone reports it again.
            for row in try await sql.query("SELECT id FROM servers WHERE gateway_id = $1 AND agent_node IS NOT NULL", [.text(gateway)]) {
                let id = try row.text("id")
                if reported[id] == nil {
                    try await sql.query("UPDATE servers SET agent_node = NULL, updated_at = $2 WHERE id = $1", [.text(id), .integer(at)])
                }
            }
        }
        return reported.count
    }

    public func markGatewayOffline(id: String, at: Date) async throws(StoreError) {
        try StoreValidation.name(id, "gateway id")
        let now = at.millisecondsSince1970
        try await database.query("UPDATE gateways SET online_until = $2 WHERE id = $1 AND online_until > $2", [.text(id), .integer(now)])
    }

    public func gatewayPresence() async throws(StoreError) -> [GatewayPresence] {
        try await database.query("SELECT id, url, last_seen, online_until FROM gateways ORDER BY id").map { row throws(StoreError) in
            GatewayPresence(
                id: try row.text("id"), url: try row.optionalText("url"),
                lastSeen: try row.optionalInteger("last_seen").map(Date.init(millisecondsSince1970:)),
                onlineUntil: try row.optionalInteger("online_until").map(Date.init(millisecondsSince1970:)))
        }
    }

    public func agentPresence() async throws(StoreError) -> [AgentPresence] {
        try await database.query("SELECT node, gateway_id, version, online, last_seen FROM agent_presence ORDER BY node").map { row throws(StoreError) in
            AgentPresence(
                node: try row.text("node"), gatewayID: try row.optionalText("gateway_id"), version: try row.optionalText("version"),
                online: try row.bool("online"), lastSeen: Date(millisecondsSince1970: try row.integer("last_seen")))
        }
    }
}

/// Which agent reported a server, with what.
private struct ReportedServer: Sendable {
    let agent: String
    let capabilities: [String]
}
