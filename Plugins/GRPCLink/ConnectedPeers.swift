import Kernel
import Synchronization

/// The nodes linked to this listener right now, with the credential each one proved.
///
/// A second connection for a connected node is accepted only with the same credential (a
/// reconnect that raced the old connection's teardown); it then replaces the old one, which
/// is closed. The same name with another credential is refused.
final class ConnectedPeers: Sendable {
    private struct Entry {
        let credential: String
        let connection: String
        let close: @Sendable () -> Void
    }

    private let entries = Mutex<[NodeID: Entry]>([:])

    init() {}

    /// Registers `node` on `connection`; returns why it is refused, or nil.
    func register(
        _ node: NodeID, credential: String, connection: String, close: @escaping @Sendable () -> Void
    ) -> String? {
        let (refusal, replaced): (String?, Entry?) = entries.withLock { entries in
            if let existing = entries[node], !ConstantTime.equal(existing.credential, credential) {
                return ("node \(node) is already connected (from \(existing.connection)) with another credential", nil)
            }
            let old = entries[node]
            entries[node] = Entry(credential: credential, connection: connection, close: close)
            return (nil, old)
        }
        replaced?.close()
        return refusal
    }

    /// Forgets `node` if `connection` still holds it.
    func unregister(_ node: NodeID, connection: String) {
        entries.withLock { entries in
            if entries[node]?.connection == connection { entries[node] = nil }
        }
    }
}
