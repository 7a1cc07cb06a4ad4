/// Where a message should go.
public enum Destination: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The one local instance serving the topic; else the one linked node serving it; else the
    /// default link.
    case nearest
    /// Whoever serves the topic on that node.
    case node(NodeID)
    /// One instance on one node.
    case exactly(Address)

    public var description: String {
        switch self {
        case .nearest: "nearest"
        case .node(let node): "node \(node)"
        case .exactly(let address): address.description
        }
    }
}
