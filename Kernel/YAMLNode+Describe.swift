import Yams

extension Node {
    /// A short human form of a value for error messages: `"abc"`, `a mapping`, `a list`.
    var shortDescription: String {
        switch self {
        case .scalar(let scalar): "\"\(scalar.string.prefix(60))\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Whether this is an empty value (`key:`, `~`, `null`).
    var isNullScalar: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string) && scalar.style == .plain
    }

    /// ` (line N)` when the parser recorded where this node came from.
    var lineSuffix: String {
        guard let mark else { return "" }
        return " (line \(mark.line))"
    }
}
