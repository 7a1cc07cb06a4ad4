import Foundation

/// A revoked agent node: every credential issued to it at or before `revokedAt` is refused.
public struct AgentRevocation: Sendable, Hashable, Codable {
    public var node: String
    public var revokedAt: Date

    public init(node: String, revokedAt: Date) {
        self.node = node
        self.revokedAt = revokedAt
    }
}
