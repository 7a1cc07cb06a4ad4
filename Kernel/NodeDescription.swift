/// What a node serves, instance by instance. Every bus answers it as `kernel@node`, so a
/// peer can find which instances serve a topic (for example every `inventory.list`).
public struct NodeDescription: Request {
    public static let topic: Topic = "node.describe"

    public init() {}

    public struct Reply: Codable, Sendable, Equatable {
        public var node: NodeID
        public var role: String
        /// Topics served, by instance.
        public var instances: [PluginID: [Topic]]
        /// The node's `tether` version (nil from a node built before it was reported).
        public var version: String?

        public init(node: NodeID, role: String, instances: [PluginID: [Topic]], version: String? = nil) {
            self.node = node
            self.role = role
            self.instances = instances
            self.version = version
        }

        /// The instances that serve `topic`, sorted by name.
        public func instances(serving topic: Topic) -> [PluginID] {
            instances.filter { $0.value.contains(topic) }.map(\.key).sorted { $0.rawValue < $1.rawValue }
        }
    }
}
