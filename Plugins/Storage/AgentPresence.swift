import Foundation

/// An agent node as its gateway last reported it.
public struct AgentPresence: Sendable, Hashable, Codable {
    public var node: String
    public var gatewayID: String?
    public var version: String?
    /// Whether its link to the gateway was up in the gateway's last report.
    public var online: Bool
    public var lastSeen: Date

    public init(node: String, gatewayID: String?, version: String? = nil, online: Bool, lastSeen: Date) {
        self.node = node
        self.gatewayID = gatewayID
        self.version = version
        self.online = online
        self.lastSeen = lastSeen
    }

    /// Online only while its gateway is online too.
    public func isOnline(gateway: GatewayPresence?, at now: Date) -> Bool {
        online && (gateway?.isOnline(at: now) ?? false)
    }
}
