import Foundation

/// `POST /v1/agents/{node}/revoke`: the answer.
struct AgentRevocationReply: Codable, Sendable {
    var node: String
    var revokedAt: Date
}
