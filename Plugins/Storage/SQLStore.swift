import Foundation
import Logging

/// The ``ManagerStore`` over SQLite or PostgreSQL: one set of statements for both.
public final class SQLStore: ManagerStore {
    public let database: any SQLDatabase

    /// Wraps an open database (already migrated, see ``open(_:logger:)``).
    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Opens the database at `location` and migrates it to the newest schema.
    public static func open(_ location: StoreLocation, logger: Logger) async throws(StoreError) -> SQLStore {
        let database: any SQLDatabase
        switch location {
        case .sqlite(let path): database = try await SQLiteDatabase.open(path: path, logger: logger)
        case .postgres(let postgres): database = try await PostgresDatabase.open(postgres, logger: logger)
        }
        do {
            try await Migrator(database: database).migrate()
        } catch {
            await database.close()
            throw error
        }
        return SQLStore(database: database)
    }

    public func schemaVersion() async throws(StoreError) -> Int {
        try await Migrator(database: database).currentVersion()
    }

    public func close() async {
        await database.close()
    }

    /// `$first, $first+1, ...` for an `IN (...)` list of `count` bound values.
    static func placeholders(count: Int, from first: Int) -> String {
        (0..<count).map { "$\(first + $0)" }.joined(separator: ", ")
    }
}
