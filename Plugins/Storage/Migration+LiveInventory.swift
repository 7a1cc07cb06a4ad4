extension Migration {
    /// Version 3: what gateways report live. Gateways get `online_until` (offline once it
    /// passes, or at once when their link drops); agents get their presence (gateway, version,
    /// online, last seen); servers remember the agent that reported them and when.
    static let liveInventory = Migration(version: 3, name: "live inventory") { _ in
        [
            "ALTER TABLE gateways ADD COLUMN online_until BIGINT",
            "ALTER TABLE servers ADD COLUMN agent_node TEXT",
            "ALTER TABLE servers ADD COLUMN last_seen BIGINT",
            """
            CREATE TABLE agent_presence (node TEXT PRIMARY KEY, gateway_id TEXT REFERENCES gateways(id) ON DELETE SET NULL,
                version TEXT, online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)), last_seen BIGINT NOT NULL)
            """,
            "CREATE INDEX servers_gateway ON servers (gateway_id)",
        ]
    }
}
