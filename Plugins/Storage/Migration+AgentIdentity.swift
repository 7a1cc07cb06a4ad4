extension Migration {
    /// Version 4: agents' own credentials. Each enrolment token's `jti` may be redeemed once
    /// (the primary key makes a second or racing redemption fail), and revoking a node refuses
    /// every credential issued to it until then.
    static let agentIdentity = Migration(version: 4, name: "agent identity") { _ in
        [
            """
            CREATE TABLE enrolment_redemptions (token_id TEXT PRIMARY KEY, node TEXT NOT NULL, gateway TEXT NOT NULL,
                credential_id TEXT NOT NULL, redeemed_at BIGINT NOT NULL)
            """,
            "CREATE TABLE agent_revocations (node TEXT PRIMARY KEY, revoked_at BIGINT NOT NULL)",
        ]
    }
}
