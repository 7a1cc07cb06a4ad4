/// A plugin's stable, kebab-case, user-facing identifier (`ipmi-sol`), also used as the
/// name of an instance (the manifest's `as:`).
public struct PluginID: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    /// Whether the identifier is kebab-case: lowercase letters, digits and single hyphens.
    public var isWellFormed: Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return !rawValue.isEmpty && rawValue.allSatisfy(allowed.contains)
            && rawValue.first != "-" && rawValue.last != "-" && !rawValue.contains("--")
    }
}
