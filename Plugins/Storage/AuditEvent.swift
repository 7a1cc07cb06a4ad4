import Foundation

/// One append-only audit record.
public struct AuditEvent: Sendable, Hashable, Codable {
    /// Whether the audited action happened.
    public enum Outcome: String, Sendable, Hashable, Codable {
        case ok, failed, denied
    }

    /// Assigned by the database; nil before it is stored.
    public var id: Int64?
    public var at: Date
    /// Who acted: a user ID, or the login name tried for a failed login.
    public var actor: String
    /// What was attempted: `login`, `token.session`, `token.refresh`, `servers.list`, ...
    public var action: String
    public var outcome: Outcome
    public var tenantID: String?
    public var serverID: String?
    /// The client address, when known.
    public var source: String?
    public var detail: String

    public init(
        id: Int64? = nil, at: Date, actor: String, action: String, outcome: Outcome,
        tenantID: String? = nil, serverID: String? = nil, source: String? = nil, detail: String = ""
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.outcome = outcome
        self.tenantID = tenantID
        self.serverID = serverID
        self.source = source
        self.detail = detail
    }
}
