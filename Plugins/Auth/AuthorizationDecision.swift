/// The policy's answer for one action on one server.
public enum AuthorizationDecision: Sendable, Hashable {
    case allowed
    /// The caller sees the server but its role does not allow the action.
    case denied(String)
    /// The caller may not even know the server exists (another tenant's, or unassigned).
    case invisible
}
