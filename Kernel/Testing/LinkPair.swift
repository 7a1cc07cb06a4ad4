import Kernel

/// Joins two buses with an in-memory link for as long as `body` runs, each side serving the
/// other the topics it serves now. After `body` the link is down on both sides.
public enum LinkPair {
    public static func connect<T: Sendable>(
        _ a: Bus, _ b: Bus, bDefaultForA: Bool = false, _ body: () async throws -> T
    ) async throws -> T {
        let toB = InMemoryLink(localNode: a.node, peer: b)
        let toA = InMemoryLink(localNode: b.node, peer: a)
        return try await a.attach(b.node, via: toB, serving: b.servedTopics, isDefault: bDefaultForA) {
            try await b.attach(a.node, via: toA, serving: a.servedTopics) {
                try await body()
            }
        }
    }
}
