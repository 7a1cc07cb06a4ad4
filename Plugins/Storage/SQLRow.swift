/// One result row, by lower-case column name.
public struct SQLRow: Sendable, Hashable {
    public var values: [String: SQLValue]

    public init(values: [String: SQLValue]) {
        self.values = values
    }

    /// A non-NULL text column.
    public func text(_ column: String) throws(StoreError) -> String {
        guard case .text(let value) = values[column] else { throw StoreError.corrupt("column \(column) is not text") }
        return value
    }

    /// A text column that may be NULL.
    public func optionalText(_ column: String) throws(StoreError) -> String? {
        switch values[column] {
        case .text(let value): value
        case .null: nil
        default: throw StoreError.corrupt("column \(column) is not text or NULL")
        }
    }

    /// A non-NULL integer column.
    public func integer(_ column: String) throws(StoreError) -> Int64 {
        guard case .integer(let value) = values[column] else { throw StoreError.corrupt("column \(column) is not an integer") }
        return value
    }

    /// An integer column that may be NULL.
    public func optionalInteger(_ column: String) throws(StoreError) -> Int64? {
        switch values[column] {
        case .integer(let value): value
        case .null: nil
        default: throw StoreError.corrupt("column \(column) is not an integer or NULL")
        }
    }

    /// A 0/1 integer column as a boolean.
    public func bool(_ column: String) throws(StoreError) -> Bool { try integer(column) != 0 }
}
