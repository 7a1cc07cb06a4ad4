extension Migration {
    /// Version 1: tenants, users, memberships, gateways, servers, agents, signing keys, audit.
    static let initialSchema = Migration(version: 1, name: "initial schema") { dialect in
        let identity = dialect == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        return [
            "CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)",
            """
            CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, password_hash TEXT,
                superadmin INTEGER NOT NULL DEFAULT 0 CHECK (superadmin IN (0, 1)), created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE memberships (
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
                PRIMARY KEY (user_id, tenant_id))
            """,
            "CREATE TABLE gateways (id TEXT PRIMARY KEY, url TEXT, last_seen BIGINT)",
            """
            CREATE TABLE servers (id TEXT PRIMARY KEY,
                tenant_id TEXT REFERENCES tenants(id) ON DELETE SET NULL,
                gateway_id TEXT REFERENCES gateways(id) ON DELETE SET NULL,
                capabilities TEXT NOT NULL DEFAULT '', updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX servers_tenant ON servers (tenant_id)",
            """
            CREATE TABLE agents (node TEXT PRIMARY KEY, gateway_id TEXT REFERENCES gateways(id) ON DELETE SET NULL,
                enrolment TEXT NOT NULL, enrolled_at BIGINT NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)))
            """,
            """
            CREATE TABLE signing_keys (kid TEXT PRIMARY KEY, algorithm TEXT NOT NULL, private_key TEXT NOT NULL,
                public_jwk TEXT NOT NULL, created_at BIGINT NOT NULL, retired_at BIGINT, expires_at BIGINT)
            """,
            """
            CREATE TABLE audit (id \(identity), at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                outcome TEXT NOT NULL, tenant_id TEXT, server_id TEXT, source TEXT, detail TEXT NOT NULL DEFAULT '')
            """,
            "CREATE INDEX audit_tenant ON audit (tenant_id, id)",
        ] + appendOnlyAudit(dialect)
    }

    /// The audit table refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) at the database level.
    private static func appendOnlyAudit(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            [
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            ]
        case .postgres:
            [
                """
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """,
                "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
                "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()",
            ]
        }
    }
}
