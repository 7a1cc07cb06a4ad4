import Kernel

extension Manager {
    /// Issues an enrolment token that lets the agent `node` link to the gateway `gateway`
    /// (superadmin only). Audited as `enrolment.issued`.
    public struct IssueEnrolmentToken: Request {
        public static let topic: Topic = "manager.enrolment-token"
        public var loginToken: String
        /// The agent's node name (the token's `sub`).
        public var node: String
        /// The gateway's node name (the token's `aud`); no wildcard, so a leaked token opens
        /// one gateway only.
        public var gateway: String
        /// Lifetime; nil: `enrolmentLifetimeSeconds`. 60 up to `maximumEnrolmentLifetimeSeconds`.
        public var ttlSeconds: Int?
        public var source: String

        public init(loginToken: String, node: String, gateway: String, ttlSeconds: Int? = nil, source: String) {
            self.loginToken = loginToken
            self.node = node
            self.gateway = gateway
            self.ttlSeconds = ttlSeconds
            self.source = source
        }

        public struct Reply: Codable, Sendable, Hashable {
            public var token: IssuedToken
            public var node: String
            public var gateway: String
            /// The token's `jti`, as the audit records name it.
            public var tokenID: String

            public init(token: IssuedToken, node: String, gateway: String, tokenID: String) {
                self.token = token
                self.node = node
                self.gateway = gateway
                self.tokenID = tokenID
            }
        }
    }
}
