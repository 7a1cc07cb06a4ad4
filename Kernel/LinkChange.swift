/// A link coming up or going down, as ``Bus/linkChanges()`` reports it.
public enum LinkChange: Sendable, Equatable {
    /// `node` is reachable now and serves `topics`.
    case up(node: NodeID, topics: Set<Topic>)
    /// `node` is no longer reachable.
    case down(node: NodeID)
}
