import Kernel

/// Who may link to this listener. Pure: decides from the hello alone, no I/O.
///
/// A node listed in the tokens file must present exactly its own token; any other node must
/// present one of the shared `acceptedTokens` or, with `acceptsEnrolmentTokens`, what the
/// manager issued: an enrolment token or the agent's own credential (which only `auth` and
/// the manager can check: the decision is then ``Decision/verifyWithAuth``). A dialler may never claim the listener's own name
/// or a malformed one.
struct LinkAdmission: Sendable {
    /// What to do with a hello.
    enum Decision: Sendable, Equatable {
        /// A static token matched.
        case admit
        /// Refused, with the reason.
        case refuse(String)
        /// The credential looks like a JWT (an enrolment token or an agent credential): `auth`
        /// and the manager decide.
        case verifyWithAuth
    }

    let ownNode: NodeID
    let acceptedTokens: [String]
    let nodeTokens: [NodeID: String]
    var acceptsEnrolmentTokens = false

    /// Whether `node` presenting `credential` may link, is refused, or needs its enrolment
    /// token verified.
    func decision(node: String, credential: String) -> Decision {
        guard NodeName.isValid(node) else {
            return .refuse("node name \"\(node.prefix(40))\" is not 1-128 letters, digits, . _ -")
        }
        guard NodeID(node) != ownNode else { return .refuse("node \(node) claims the listener's own name") }
        guard !credential.isEmpty else { return .refuse("node \(node) presented no token") }
        // A node the tokens file pins may use its own token only, never an enrolment token.
        if let expected = nodeTokens[NodeID(node)] {
            return ConstantTime.equal(expected, credential) ? .admit : .refuse("wrong token for node \(node)")
        }
        if acceptedTokens.contains(where: { ConstantTime.equal($0, credential) }) { return .admit }
        if acceptsEnrolmentTokens, Self.looksLikeJWT(credential) { return .verifyWithAuth }
        if acceptsEnrolmentTokens {
            return .refuse("wrong token for node \(node) (neither an accepted token nor an enrolment token)")
        }
        // With a tokens file, a node it does not list is unknown; with shared tokens only, any
        // name is fine and the token is what is wrong.
        return .refuse(
            nodeTokens.isEmpty ? "wrong token for node \(node)" : "unknown node \(node) (not in the tokens file, and not an accepted shared token)")
    }

    /// Why `node` presenting `credential` is refused by the static rules, or nil when it may
    /// link (or its enrolment token is to be verified).
    func refusal(node: String, credential: String) -> String? {
        if case .refuse(let reason) = decision(node: node, credential: credential) { return reason }
        return nil
    }

    /// Three base64url parts (header and payload not empty), at most 8 KiB: worth asking
    /// `auth` about. An empty signature passes here so that `auth` names the refusal (`alg: none`).
    static func looksLikeJWT(_ credential: String) -> Bool {
        let parts = credential.split(separator: ".", omittingEmptySubsequences: false)
        guard credential.utf8.count <= 8192, parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts.allSatisfy { part in
            part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)) }
        }
    }
}
