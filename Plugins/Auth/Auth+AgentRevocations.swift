import Contracts
import Kernel

extension Contracts.Auth {
    /// The manager's agent revocation list: node name to the second (since 1970) up to which
    /// its credentials are revoked (a credential with `iat` at or before it is refused).
    /// Served by `auth` in issue mode; a gateway's `auth` in verify mode asks it with
    /// `.nearest`, over its link to the manager.
    public struct AgentRevocations: Request {
        public static let topic: Topic = "auth.agent-revocations"

        public init() {}

        public typealias Reply = [String: Int64]
    }
}
