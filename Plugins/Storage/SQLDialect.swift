/// The two SQL backends. Statements are written once with `$1`-style placeholders; only
/// the few DDL spots that differ (identity columns, triggers) are written per dialect.
public enum SQLDialect: String, Sendable, Hashable, CaseIterable {
    case sqlite
    case postgres

    /// The statement in this dialect's placeholder style: SQLite reads `?1` for `$1`.
    func placeholders(_ sql: String) -> String {
        guard self == .sqlite else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count)
        var previous: Character = " "
        for character in sql {
            if previous == "$", character.isASCII, character.isNumber {
                result.removeLast()
                result.append("?")
            }
            result.append(character)
            previous = character
        }
        return result
    }
}
