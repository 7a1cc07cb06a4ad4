import SQLiteNIO
import Synchronization

/// Gathers rows from sqlite-nio's row callback (called on its thread pool).
final class RowCollector: Sendable {
    private let storage = Mutex<(rows: [SQLRow], failure: StoreError?)>(([], nil))

    func append(_ row: SQLiteRow) {
        var values: [String: SQLValue] = [:]
        var failure: StoreError?
        for column in row.columns {
            do {
                values[column.name.lowercased()] = try SQLValue(sqlite: column.data)
            } catch {
                failure = error
            }
        }
        storage.withLock {
            $0.rows.append(SQLRow(values: values))
            if let failure { $0.failure = failure }
        }
    }

    /// The rows, or the first value the schema does not allow.
    func result() throws(StoreError) -> [SQLRow] {
        let (rows, failure) = storage.withLock { ($0.rows, $0.failure) }
        if let failure { throw failure }
        return rows
    }
}
