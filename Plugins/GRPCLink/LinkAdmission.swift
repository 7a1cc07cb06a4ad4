import Kernel

/// Who may link to this listener. Pure: decides from the hello alone, no I/O.
///
/// A node listed in the tokens file must present exactly its own token; any other node must
/// present one of the shared `acceptedTokens`. A dialler may never claim the listener's own
/// name or a malformed one.
struct LinkAdmission: Sendable {
    let ownNode: NodeID
    let acceptedTokens: [String]
    let nodeTokens: [NodeID: String]

    /// Why `node` presenting `credential` is refused, or nil when it may link.
    func refusal(node: String, credential: String) -> String? {
        guard NodeName.isValid(node) else {
            return "node name \"\(node.prefix(40))\" is not 1-128 letters, digits, . _ -"
        }
        guard NodeID(node) != ownNode else { return "node \(node) claims the listener's own name" }
        guard !credential.isEmpty else { return "node \(node) presented no token" }
        if let expected = nodeTokens[NodeID(node)] {
            return ConstantTime.equal(expected, credential) ? nil : "wrong token for node \(node)"
        }
        if acceptedTokens.contains(where: { ConstantTime.equal($0, credential) }) { return nil }
        // With a tokens file, a node it does not list is unknown; with shared tokens only, any
        // name is fine and the token is what is wrong.
        return nodeTokens.isEmpty ? "wrong token for node \(node)" : "unknown node \(node) (not in the tokens file, and not an accepted shared token)"
    }
}
