import Foundation

/// A server as the manager knows it: who owns it and which gateway reaches it.
public struct ManagedServer: Sendable, Hashable, Codable {
    public var id: String
    /// The owning tenant; nil until an operator assigns it (only superadmins see it then).
    public var tenantID: String?
    /// The gateway whose agent serves it; the audience of its session tokens.
    public var gatewayID: String?
    /// What its BMC supports (`ipmi`, `serial-ipmi`, `vnc-tcp`, ...).
    public var capabilities: [String]
    /// The agent node that reported it last; nil when no gateway lists it now.
    public var agentNode: String?
    /// When a gateway last reported it.
    public var lastSeen: Date?
    /// Whether its agent and gateway are up now; nil when no gateway ever reported it.
    public var online: Bool?

    public init(
        id: String, tenantID: String? = nil, gatewayID: String? = nil, capabilities: [String] = [], agentNode: String? = nil,
        lastSeen: Date? = nil, online: Bool? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.gatewayID = gatewayID
        self.capabilities = capabilities
        self.agentNode = agentNode
        self.lastSeen = lastSeen
        self.online = online
    }
}
