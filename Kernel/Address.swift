/// One plugin instance on one node, written `instance@node` (`ipmi-sol@agent-dc1`).
public struct Address: Hashable, Sendable, Codable, CustomStringConvertible {
    public var instance: PluginID
    public var node: NodeID

    public init(instance: PluginID, node: NodeID) {
        self.instance = instance
        self.node = node
    }

    /// Parses `instance@node`; returns nil when either part is missing.
    public init?(parsing text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(instance: PluginID(String(parts[0])), node: NodeID(String(parts[1])))
    }

    public var description: String { "\(instance)@\(node)" }
}
