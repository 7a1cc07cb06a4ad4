/// A value bound to a statement parameter or read from a result column.
///
/// The schema keeps to types both backends share: text, 64-bit integers (also booleans and
/// millisecond timestamps) and NULL. Values are always bound as parameters, never spliced
/// into SQL text.
public enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case null

    /// A boolean as the integer 0 or 1.
    public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }

    /// An optional text, NULL when absent.
    public static func optionalText(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }

    /// An optional integer, NULL when absent.
    public static func optionalInteger(_ value: Int64?) -> SQLValue { value.map(SQLValue.integer) ?? .null }
}
