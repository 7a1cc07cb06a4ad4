import Foundation
import Logging
import PostgresTesting
import Storage
import Testing

/// The two storage backends every storage test runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A fresh, empty database of this backend (the PostgreSQL case is cancelled, i.e.
    /// skipped with the reason, when the server binaries are missing).
    func emptyDatabase() async throws -> any SQLDatabase {
        let logger = Logger(label: "test.storage")
        switch self {
        case .sqlite:
            return try await SQLiteDatabase.open(path: Self.temporaryFile().path, logger: logger)
        case .postgres:
            if let reason = PostgresTestServer.unavailableReason { try Test.cancel(Comment(rawValue: reason)) }
            return try await PostgresDatabase.open(try await PostgresTestServer.shared.freshDatabase(), logger: logger)
        }
    }

    /// Runs `body` with a fresh empty database, closing it afterwards.
    func withEmptyDatabase<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let database = try await emptyDatabase()
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// Runs `body` with a migrated store on a fresh database.
    func withStore<T: Sendable>(_ body: (SQLStore) async throws -> T) async throws -> T {
        try await withEmptyDatabase { database in
            try await Migrator(database: database).migrate()
            return try await body(SQLStore(database: database))
        }
    }

    static func temporaryFile() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("tether-storage-\(UUID().uuidString)")
            .appendingPathComponent("manager.db")
    }
}
