import Foundation
import Kernel

extension Manager {
    /// Revokes every credential the agent `node` holds now (superadmin only); the node links
    /// again only after enrolling with a new enrolment token. Revoking again moves the time.
    /// Audited as `agent.revoked`.
    public struct RevokeAgent: Request {
        public static let topic: Topic = "manager.revoke-agent"
        public var loginToken: String
        /// The agent's node name.
        public var node: String
        public var source: String

        public init(loginToken: String, node: String, source: String) {
            self.loginToken = loginToken
            self.node = node
            self.source = source
        }

        public struct Reply: Codable, Sendable, Hashable {
            public var node: String
            /// Credentials issued at or before this time are refused.
            public var revokedAt: Date

            public init(node: String, revokedAt: Date) {
                self.node = node
                self.revokedAt = revokedAt
            }
        }
    }
}
