import Foundation
import Logging
import SQLiteNIO

/// The embedded SQLite backend: one file, created on first use, one serialised connection.
public final class SQLiteDatabase: SQLDatabase {
    public let dialect = SQLDialect.sqlite
    private let connection: SQLiteConnection
    private let lock = AsyncSerialLock()

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Opens (creating if needed) the database file at `path`, or an in-memory database for `":memory:"`.
    public static func open(path: String, logger: Logger) async throws(StoreError) -> SQLiteDatabase {
        let storage: SQLiteConnection.Storage
        if path == ":memory:" {
            storage = .memory
        } else {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .unavailable("cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
            storage = .file(path: path)
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            throw .unavailable("cannot open SQLite database \(path): \(error)")
        }
        let database = SQLiteDatabase(connection: connection)
        // Foreign keys are off by default in SQLite; WAL lets readers run beside a writer.
        for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL"] {
            try await database.query(pragma)
        }
        return database
    }

    @discardableResult
    public func query(_ sql: String, _ binds: [SQLValue]) async throws(StoreError) -> [SQLRow] {
        try await lock.run { () async throws(StoreError) -> [SQLRow] in
            try await Self.run(sql, binds, on: self.connection)
        }
    }

    public func transaction<T: Sendable>(
        _ body: @Sendable (any SQLExecutor) async throws(StoreError) -> T
    ) async throws(StoreError) -> T {
        try await lock.run { () async throws(StoreError) -> T in
            let executor = Transaction(connection: self.connection)
            try await Self.run("BEGIN IMMEDIATE", [], on: self.connection)
            do throws(StoreError) {
                let value = try await body(executor)
                try await Self.run("COMMIT", [], on: self.connection)
                return value
            } catch {
                _ = try? await Self.run("ROLLBACK", [], on: self.connection)
                throw error
            }
        }
    }

    /// Closes after the statement or transaction in progress (SQLite refuses to close a
    /// connection with a statement running, and the connection must be closed before it goes).
    public func close() async {
        let connection = self.connection
        _ = try? await lock.run { () async throws(StoreError) in try? await connection.close() }
    }

    @discardableResult
    static func run(_ sql: String, _ binds: [SQLValue], on connection: SQLiteConnection) async throws(StoreError) -> [SQLRow] {
        let rows = RowCollector()
        do {
            try await connection.query(
                SQLDialect.sqlite.placeholders(sql),
                binds.map(\.sqliteData),
                { row in rows.append(row) })
        } catch let error as SQLiteError {
            throw StoreError(sqlite: error)
        } catch {
            throw .backend(String(describing: error))
        }
        return try rows.result()
    }

    /// The statements of one open transaction, on the locked connection.
    struct Transaction: SQLExecutor {
        let connection: SQLiteConnection

        func query(_ sql: String, _ binds: [SQLValue]) async throws(StoreError) -> [SQLRow] {
            try await SQLiteDatabase.run(sql, binds, on: connection)
        }
    }
}
