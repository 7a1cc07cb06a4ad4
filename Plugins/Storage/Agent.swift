import Foundation

/// An enrolled agent node.
public struct Agent: Sendable, Hashable, Codable {
    public var node: String
    public var gatewayID: String?
    /// What identifies the agent after enrolment (its key or certificate fingerprint).
    public var enrolment: String
    public var enrolledAt: Date
    public var revoked: Bool

    public init(node: String, gatewayID: String? = nil, enrolment: String, enrolledAt: Date, revoked: Bool = false) {
        self.node = node
        self.gatewayID = gatewayID
        self.enrolment = enrolment
        self.enrolledAt = enrolledAt
        self.revoked = revoked
    }
}
