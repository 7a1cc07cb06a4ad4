/// The kinds of token the manager signs, carried in the `typ` claim so one can never
/// stand in for the other.
public enum TokenKind: String, Sendable, Hashable, Codable {
    /// Proves a login to the manager; refreshable; exchanged for session tokens.
    case login
    /// Opens one server at one gateway for a few minutes.
    case session
    /// Lets one agent node (`sub`) link to one gateway (`aud`) until it expires.
    case enrol
    /// An agent node's own credential (`sub` the node, `cnf` its key), used with a proof.
    case agent
}
