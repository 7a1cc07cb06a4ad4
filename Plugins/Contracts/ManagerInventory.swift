import Kernel

/// What a gateway tells the manager about the agents linked to it and the servers they
/// manage: sent by the gateway's `routing` on every change and every heartbeat, answered by
/// the manager's `inventory`. The manager keeps `server -> gateway` and the online state
/// from it; only the reporting gateway itself may report (the caller's node must equal
/// `gateway`).
public enum ManagerInventory {
    /// One server as its agent reported it.
    public struct Server: Codable, Sendable, Equatable {
        public var id: ServerID
        /// Capability words (`ipmi`, `serial-ipmi`, `vnc-tcp`, ...).
        public var capabilities: [String]

        public init(id: ServerID, capabilities: [String]) {
            self.id = id
            self.capabilities = capabilities
        }
    }

    /// One agent node linked to the gateway (or the gateway itself for servers it manages locally).
    public struct Agent: Codable, Sendable, Equatable {
        public var node: NodeID
        public var version: String?
        /// Whether its link to the gateway is up now; an offline agent's servers stay listed.
        public var online: Bool
        public var servers: [Server]

        public init(node: NodeID, version: String? = nil, online: Bool, servers: [Server]) {
            self.node = node
            self.version = version
            self.online = online
            self.servers = servers
        }
    }

    /// The gateway's whole view, replacing its previous report.
    public struct Report: Request {
        public static let topic: Topic = "manager.report-inventory"
        /// The reporting gateway: must be the node the report arrives from.
        public var gateway: NodeID
        /// How often the gateway reports when nothing changes; the manager marks it offline
        /// after a few missed heartbeats.
        public var heartbeatSeconds: Int
        public var agents: [Agent]

        public init(gateway: NodeID, heartbeatSeconds: Int, agents: [Agent]) {
            self.gateway = gateway
            self.heartbeatSeconds = heartbeatSeconds
            self.agents = agents
        }

        public struct Reply: Codable, Sendable, Equatable {
            /// Servers recorded.
            public var servers: Int
            /// Seconds without a report after which the manager marks this gateway offline.
            public var offlineAfterSeconds: Int

            public init(servers: Int, offlineAfterSeconds: Int) {
                self.servers = servers
                self.offlineAfterSeconds = offlineAfterSeconds
            }
        }
    }
}
