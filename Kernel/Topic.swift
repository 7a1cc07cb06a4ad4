/// The stable wire name of a message type, lowercase and dot-namespaced by family
/// (`sol.open`, `power.set`). A topic is never renamed, only added.
public struct Topic: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The dotted name, exactly as it travels on a link.
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
}
