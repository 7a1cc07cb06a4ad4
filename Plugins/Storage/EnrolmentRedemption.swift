import Foundation

/// The one use of an enrolment token: which node redeemed it at which gateway, for which
/// credential, when.
public struct EnrolmentRedemption: Sendable, Hashable, Codable {
    /// The enrolment token's `jti`.
    public var tokenID: String
    public var node: String
    public var gateway: String
    /// The `jti` of the agent credential issued for it.
    public var credentialID: String
    public var redeemedAt: Date

    public init(tokenID: String, node: String, gateway: String, credentialID: String, redeemedAt: Date) {
        self.tokenID = tokenID
        self.node = node
        self.gateway = gateway
        self.credentialID = credentialID
        self.redeemedAt = redeemedAt
    }
}
