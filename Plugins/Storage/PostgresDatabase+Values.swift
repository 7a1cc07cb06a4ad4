import PostgresNIO

extension SQLRow {
    init(postgres row: PostgresRow) throws(StoreError) {
        var values: [String: SQLValue] = [:]
        for cell in row {
            let name = cell.columnName.lowercased()
            guard cell.bytes != nil, cell.dataType != .void else {
                values[name] = .null
                continue
            }
            do {
                switch cell.dataType {
                case .int2, .int4, .int8: values[name] = .integer(try cell.decode(Int64.self))
                case .bool: values[name] = .integer(try cell.decode(Bool.self) ? 1 : 0)
                case .text, .varchar, .name, .bpchar: values[name] = .text(try cell.decode(String.self))
                default: throw StoreError.corrupt("column \(name) has the unsupported type \(cell.dataType)")
                }
            } catch let error as StoreError {
                throw error
            } catch {
                throw .corrupt("column \(name): \(error)")
            }
        }
        self.init(values: values)
    }
}

extension StoreError {
    init(postgres error: any Error) {
        if let store = error as? StoreError {
            self = store
            return
        }
        guard let psql = error as? PSQLError else {
            self = .backend(String(describing: error))
            return
        }
        let message = psql.serverInfo?[.message] ?? "\(psql.code)"
        switch psql.serverInfo?[.sqlState] {
        case "23505": self = .conflict(message)
        case "23503": self = .notFound("a referenced row (\(message))")
        case "23502", "23514", "22001", "P0001": self = .invalid(message)
        case .some(let state): self = .backend("\(message) (SQLSTATE \(state))")
        case .none: self = .unavailable("\(psql.code)")
        }
    }
}
