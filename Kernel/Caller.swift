/// Who sent a message, as the receiving bus knows it.
///
/// `from.node` is stamped by the link that carried the message from its authenticated peer;
/// what a node says about itself is never trusted.
public struct Caller: Sendable, Hashable, Codable {
    /// The sending instance.
    public var from: Address
    /// Small string facts carried with the message (for example the authenticated principal).
    public var metadata: [String: String]

    public init(from: Address, metadata: [String: String] = [:]) {
        self.from = from
        self.metadata = metadata
    }
}
