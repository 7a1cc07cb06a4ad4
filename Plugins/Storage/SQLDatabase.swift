/// Runs statements with bound parameters. Inside a transaction this is the transaction's
/// connection; outside, any connection of the database.
public protocol SQLExecutor: Sendable {
    /// Runs one statement (placeholders `$1`, `$2`, ...) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ binds: [SQLValue]) async throws(StoreError) -> [SQLRow]
}

/// A database connection or pool of one backend.
public protocol SQLDatabase: SQLExecutor {
    /// The backend's SQL dialect.
    var dialect: SQLDialect { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLExecutor) async throws(StoreError) -> T) async throws(StoreError) -> T
    /// Closes every connection; the database is unusable afterwards.
    func close() async
}

extension SQLExecutor {
    /// Runs a statement without parameters.
    @discardableResult
    public func query(_ sql: String) async throws(StoreError) -> [SQLRow] { try await query(sql, []) }
}
