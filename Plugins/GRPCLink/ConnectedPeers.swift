import Kernel
import Synchronization

/// The nodes linked to this listener right now, with the credential each one proved.
///
/// A second connection for a connected node is accepted only with the same credential (a
/// reconnect that raced the old connection's teardown); it then replaces the old one, which
/// is closed. The same name with another credential is refused. Agents that linked with a
/// credential the manager issued are cut when it is revoked (``cutRevoked(_:)``).
final class ConnectedPeers: Sendable {
    private struct Entry {
        let credential: String
        let connection: String
        /// The `iat` of the agent's credential; nil for a static token.
        let issuedAt: Int64?
        let close: @Sendable (String) -> Void
    }

    private let entries = Mutex<[NodeID: Entry]>([:])

    init() {}

    /// Registers `node` on `connection`; returns why it is refused, or nil. `close` ends the
    /// connection, with the reason to log.
    func register(
        _ node: NodeID, credential: String, issuedAt: Int64? = nil, connection: String, close: @escaping @Sendable (String) -> Void
    ) -> String? {
        let (refusal, replaced): (String?, Entry?) = entries.withLock { entries in
            if let existing = entries[node], !ConstantTime.equal(existing.credential, credential) {
                return ("node \(node) is already connected (from \(existing.connection)) with another credential", nil)
            }
            let old = entries[node]
            entries[node] = Entry(credential: credential, connection: connection, issuedAt: issuedAt, close: close)
            return (nil, old)
        }
        replaced?.close("link replaced by a newer connection of the same node")
        return refusal
    }

    /// Forgets `node` if `connection` still holds it.
    func unregister(_ node: NodeID, connection: String) {
        entries.withLock { entries in
            if entries[node]?.connection == connection { entries[node] = nil }
        }
    }

    /// Whether any peer linked with a credential the manager issued (so revocations matter).
    var hasAgents: Bool { entries.withLock { $0.values.contains { $0.issuedAt != nil } } }

    /// Closes the links of agents whose credential `revocations` revokes (node name to the
    /// last revoked second); returns them with their connections.
    func cutRevoked(_ revocations: [String: Int64]) -> [(node: NodeID, connection: String)] {
        let cut: [(NodeID, Entry)] = entries.withLock { entries in
            let revoked = entries.filter { node, entry in
                guard let issuedAt = entry.issuedAt, let through = revocations[node.rawValue] else { return false }
                return issuedAt <= through
            }
            for node in revoked.keys { entries[node] = nil }
            return revoked.map { ($0.key, $0.value) }
        }
        for (_, entry) in cut { entry.close("link cut: the agent's credential was revoked") }
        return cut.map { (node: $0.0, connection: $0.1.connection) }
    }
}
