import Kernel

extension Auth {
    /// Checks an agent's enrolment token (a JWT the manager signed with `typ: enrol`) offline,
    /// for a link listener deciding whether `node` may link to `gateway`. Served by `auth` in
    /// both modes.
    ///
    /// Errors (`BusError.remote` codes): `unauthenticated` with the reason (bad signature,
    /// `alg: none`, not an enrolment token, expired, issued for another node, meant for
    /// another gateway, unknown key); `unavailable` when the manager's keys cannot be fetched.
    public struct VerifyEnrolment: Request {
        public static let topic: Topic = "auth.verify-enrolment"
        /// The token the dialler presented in its hello.
        public var token: String
        /// The node name the dialler claims: must be the token's `sub`.
        public var node: String
        /// The listener's node: must be the token's `aud`.
        public var gateway: String

        public init(token: String, node: String, gateway: String) {
            self.token = token
            self.node = node
            self.gateway = gateway
        }

        public typealias Reply = Enrolment
    }

    /// A verified enrolment: which node may link to which gateway, until when.
    public struct Enrolment: Codable, Sendable, Equatable {
        public var node: String
        public var gateway: String
        /// Seconds since 1970.
        public var expiresAt: Int64
        /// The token's `jti`, for the audit trail.
        public var tokenID: String

        public init(node: String, gateway: String, expiresAt: Int64, tokenID: String) {
            self.node = node
            self.gateway = gateway
            self.expiresAt = expiresAt
            self.tokenID = tokenID
        }
    }
}
