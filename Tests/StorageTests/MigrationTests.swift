import Foundation
import Logging
import Storage
import Testing

@Suite struct MigrationTests {
    @Test(arguments: Backend.allCases)
    func migratesAnEmptyDatabaseToTheLatestSchema(_ backend: Backend) async throws {
        try await backend.withEmptyDatabase { database in
            let migrator = Migrator(database: database)
            #expect(try await migrator.currentVersion() == 0)
            try await migrator.migrate()
            #expect(try await migrator.currentVersion() == Migration.latestVersion)
            let ledger = try await database.query("SELECT version, name FROM schema_migrations ORDER BY version")
            #expect(try ledger.map { try $0.integer("version") } == Migration.all.map { Int64($0.version) })
            for table in ["tenants", "users", "memberships", "servers", "gateways", "agents", "signing_keys", "audit", "external_identities"] {
                let rows = try await database.query("SELECT COUNT(*) AS n FROM \(table)")
                #expect(try rows.first?.integer("n") == 0, "table \(table)")
            }
            // A second run changes nothing.
            try await migrator.migrate()
            #expect(try await migrator.currentVersion() == Migration.latestVersion)
        }
    }

    @Test(arguments: Backend.allCases)
    func migratesFromThePreviousVersionKeepingData(_ backend: Backend) async throws {
        try await backend.withEmptyDatabase { database in
            let migrator = Migrator(database: database)
            let previous = Migration.latestVersion - 1
            try await migrator.migrate(upTo: previous)
            #expect(try await migrator.currentVersion() == previous)
            // Rows written by the previous schema (no origin column yet).
            try await database.query(
                "INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, $3)", [.text("acme"), .text("Acme"), .integer(1)])
            try await database.query(
                "INSERT INTO users (id, name, password_hash, superadmin, created_at) VALUES ($1, $2, $3, $4, $5)",
                [.text("u1"), .text("ann"), .text("$scrypt$x"), .integer(0), .integer(1)])
            try await database.query(
                "INSERT INTO memberships (user_id, tenant_id, role) VALUES ($1, $2, $3)", [.text("u1"), .text("acme"), .text("admin")])

            try await migrator.migrate()
            #expect(try await migrator.currentVersion() == Migration.latestVersion)
            let store = SQLStore(database: database)
            let ann = try #require(try await store.user(named: "ann"))
            #expect(ann.origin == .local)
            #expect(ann.passwordHash == "$scrypt$x")
            #expect(try await store.memberships(userID: "u1") == [Membership(userID: "u1", tenantID: "acme", role: .admin)])
            let oidc = try await store.provisionExternalUser(
                issuer: "https://idp", subject: "s1", proposed: User(id: "u2", name: "bob", origin: .oidc), memberships: [])
            #expect(try await store.user(issuer: "https://idp", subject: "s1") == oidc)
        }
    }

    @Test(arguments: Backend.allCases)
    func refusesASchemaNewerThanItKnows(_ backend: Backend) async throws {
        try await backend.withEmptyDatabase { database in
            try await Migrator(database: database).migrate()
            try await database.query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [.integer(99), .text("future"), .integer(0)])
            await #expect(throws: StoreError.schemaTooNew(found: 99, known: Migration.latestVersion)) {
                try await Migrator(database: database).migrate()
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentMigratorsApplyEachMigrationOnce(_ backend: Backend) async throws {
        try await backend.withEmptyDatabase { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 { group.addTask { try await Migrator(database: database).migrate() } }
                try await group.waitForAll()
            }
            let ledger = try await database.query("SELECT COUNT(*) AS n FROM schema_migrations")
            #expect(try ledger.first?.integer("n") == Int64(Migration.all.count))
        }
    }

    @Test func sqliteCreatesItsFileOnFirstOpen() async throws {
        let file = Backend.temporaryFile()
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let store = try await SQLStore.open(.sqlite(path: file.path), logger: Logger(label: "test"))
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(try await store.schemaVersion() == Migration.latestVersion)
        try await store.createTenant(Tenant(id: "acme", name: "Acme"))
        await store.close()
        let reopened = try await SQLStore.open(.sqlite(path: file.path), logger: Logger(label: "test"))
        #expect(try await reopened.tenants() == [Tenant(id: "acme", name: "Acme")])
        await reopened.close()
    }

    @Test func parsesStorageLocations() throws {
        #expect(try StoreLocation(parsing: "sqlite:manager.db") == .sqlite(path: "manager.db"))
        #expect(try StoreLocation(parsing: "postgres://tether:s3cret@db.example:6543/tether?sslmode=require") == .postgres(
            PostgresLocation(host: "db.example", port: 6543, username: "tether", password: "s3cret", database: "tether", requireTLS: true)))
        #expect(try StoreLocation(parsing: "postgres://u:p@h/d").description == "postgres://u@h:5432/d")
        for bad in ["", "sqlite:", "mysql://x", "postgres://h/d", "postgres://u@h", "postgres://u@h/d?ssl=1"] {
            #expect(throws: StoreError.self, "\(bad)") { try StoreLocation(parsing: bad) }
        }
    }
}
