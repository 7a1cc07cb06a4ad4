import Foundation
import SQLiteNIO

extension SQLValue {
    var sqliteData: SQLiteData {
        switch self {
        case .text(let text): .text(text)
        case .integer(let value): .integer(Int(value))
        case .null: .null
        }
    }

    init(sqlite data: SQLiteData) throws(StoreError) {
        switch data {
        case .text(let text): self = .text(text)
        case .integer(let value): self = .integer(Int64(value))
        case .null: self = .null
        case .float, .blob: throw StoreError.corrupt("unexpected \(data) in a text/integer schema")
        }
    }
}

extension StoreError {
    init(sqlite error: SQLiteError) {
        switch error.reason {
        case .constraintUniqueFailed, .constraintPrimaryKeyFailed: self = .conflict(error.message)
        case .constraintForeignKeyFailed: self = .notFound("a referenced row (\(error.message))")
        case .constraintCheckFailed, .constraintNotNullFailed: self = .invalid(error.message)
        case .busy, .locked, .cantOpen, .readOnly, .full, .ioError: self = .unavailable(error.message)
        default: self = .backend(error.message)
        }
    }
}
