import Foundation

/// Brings a database to a schema version, one recorded migration at a time.
public struct Migrator: Sendable {
    public let database: any SQLDatabase
    public let migrations: [Migration]

    public init(database: any SQLDatabase, migrations: [Migration] = Migration.all) {
        self.database = database
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The version recorded in `schema_migrations` (0 for an empty database).
    public func currentVersion() async throws(StoreError) -> Int {
        try await ensureLedger()
        return try await Self.version(on: database)
    }

    /// Applies every migration above the current version, up to `target` (default: all).
    /// - Throws: `schemaTooNew` when the database is ahead of this binary.
    public func migrate(upTo target: Int? = nil) async throws(StoreError) {
        try await ensureLedger()
        let known = migrations.last?.version ?? 0
        let found = try await Self.version(on: database)
        guard found <= known else { throw .schemaTooNew(found: found, known: known) }
        for migration in migrations where migration.version > found && migration.version <= (target ?? known) {
            try await apply(migration)
        }
    }

    private func apply(_ migration: Migration) async throws(StoreError) {
        let dialect = database.dialect
        try await database.transaction { (sql: any SQLExecutor) async throws(StoreError) in
            // Several manager replicas may start at once: one applies, the others see it done.
            if dialect == .postgres { try await sql.query("SELECT pg_advisory_xact_lock($1)", [.integer(Self.lockKey)]) }
            guard try await Self.version(on: sql) < migration.version else { return }
            for statement in migration.statements(dialect) {
                try await sql.query(statement)
            }
            try await sql.query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                [.integer(Int64(migration.version)), .text(migration.name), .integer(Date().millisecondsSince1970)])
        }
    }

    private func ensureLedger() async throws(StoreError) {
        let dialect = database.dialect
        try await database.transaction { (sql: any SQLExecutor) async throws(StoreError) in
            // CREATE TABLE IF NOT EXISTS races on PostgreSQL when replicas start together.
            if dialect == .postgres { try await sql.query("SELECT pg_advisory_xact_lock($1)", [.integer(Self.lockKey)]) }
            try await sql.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
        }
    }

    /// The advisory lock that serialises migrations across processes on PostgreSQL.
    static let lockKey: Int64 = 7_354_726

    private static func version(on sql: any SQLExecutor) async throws(StoreError) -> Int {
        let rows = try await sql.query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations")
        return Int(try rows.first?.integer("version") ?? 0)
    }
}
