import Foundation

/// Everything one gateway reported at one moment: its agents and their servers. Replaces
/// what the same gateway reported before (``ManagerStore/recordGatewayReport(_:)``).
public struct GatewayReport: Sendable, Hashable {
    /// One agent node as the gateway sees it.
    public struct Agent: Sendable, Hashable {
        public var node: String
        public var version: String?
        public var online: Bool
        public var servers: [Server]

        public init(node: String, version: String? = nil, online: Bool, servers: [Server]) {
            self.node = node
            self.version = version
            self.online = online
            self.servers = servers
        }
    }

    /// One server an agent manages.
    public struct Server: Sendable, Hashable {
        public var id: String
        public var capabilities: [String]

        public init(id: String, capabilities: [String]) {
            self.id = id
            self.capabilities = capabilities
        }
    }

    public var gatewayID: String
    /// When the report arrived.
    public var at: Date
    /// The gateway counts as online until then unless it reports again.
    public var onlineUntil: Date
    public var agents: [Agent]

    public init(gatewayID: String, at: Date, onlineUntil: Date, agents: [Agent]) {
        self.gatewayID = gatewayID
        self.at = at
        self.onlineUntil = onlineUntil
        self.agents = agents
    }
}
