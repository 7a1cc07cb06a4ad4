extension JSONValue {
    /// The member `key` of an object; `.null` when absent or when this is not an object.
    public subscript(key: String) -> JSONValue {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// The string, or nil for any other kind of value.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A non-empty string, or nil.
    public var text: String? {
        guard let value = string, !value.isEmpty else { return nil }
        return value
    }

    /// The number; a numeric string (some BMCs quote readings) counts too.
    public var double: Double? {
        switch self {
        case .number(let value): value
        case .string(let value): Double(value)
        default: nil
        }
    }

    /// The number as an integer when it is whole and in range (never traps).
    public var int: Int? {
        guard let value = double, value.isFinite, value == value.rounded(),
            value >= -9_007_199_254_740_992, value <= 9_007_199_254_740_992
        else { return nil }
        return Int(value)
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of an array; empty for any other kind of value.
    public var elements: [JSONValue] {
        if case .array(let values) = self { return values }
        return []
    }

    /// The members of an object; empty for any other kind of value.
    public var members: [String: JSONValue] {
        if case .object(let values) = self { return values }
        return [:]
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// The string elements of an array, skipping anything else.
    public var strings: [String] { elements.compactMap(\.string) }

    /// `@odata.id` of a link object (`{"@odata.id": "/redfish/v1/..."}`).
    public var odataID: String? { self["@odata.id"].text }

    /// The `@odata.id` of every link in an array of links.
    public var odataIDs: [String] { elements.compactMap(\.odataID) }
}
