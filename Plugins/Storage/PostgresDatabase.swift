import Logging
import PostgresNIO

/// The PostgreSQL backend: a postgres-nio connection pool, for production and for several
/// manager replicas sharing one database.
public final class PostgresDatabase: SQLDatabase {
    public let dialect = SQLDialect.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
    }

    /// Connects to the server at `location` and checks that it answers.
    public static func open(_ location: PostgresLocation, logger: Logger) async throws(StoreError) -> PostgresDatabase {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: location.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.connectTimeout = .seconds(10)
        let database = PostgresDatabase(client: PostgresClient(configuration: configuration, backgroundLogger: logger), logger: logger)
        do {
            try await database.query("SELECT 1")
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    @discardableResult
    public func query(_ sql: String, _ binds: [SQLValue]) async throws(StoreError) -> [SQLRow] {
        do {
            return try await client.withConnection { connection in
                try await Self.run(sql, binds, on: connection, logger: self.logger)
            }
        } catch {
            throw StoreError(postgres: error)
        }
    }

    public func transaction<T: Sendable>(
        _ body: @Sendable (any SQLExecutor) async throws(StoreError) -> T
    ) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: self.logger)
                do {
                    let value = try await body(Transaction(connection: connection, logger: self.logger))
                    try await connection.query("COMMIT", logger: self.logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: self.logger)
                    throw error
                }
            }
        } catch {
            throw StoreError(postgres: error)
        }
    }

    public func close() async {
        runner.cancel()
        await runner.value
    }

    static func run(_ sql: String, _ binds: [SQLValue], on connection: PostgresConnection, logger: Logger) async throws -> [SQLRow] {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let integer): bindings.append(integer)
            case .null: bindings.appendNull()
            }
        }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).collect()
        return try rows.map { row throws(StoreError) in try SQLRow(postgres: row) }
    }

    /// The statements of one open transaction, on its connection.
    struct Transaction: SQLExecutor {
        let connection: PostgresConnection
        let logger: Logger

        func query(_ sql: String, _ binds: [SQLValue]) async throws(StoreError) -> [SQLRow] {
            do {
                return try await PostgresDatabase.run(sql, binds, on: connection, logger: logger)
            } catch {
                throw StoreError(postgres: error)
            }
        }
    }
}
