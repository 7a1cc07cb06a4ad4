import Foundation
import Kernel

extension Manager {
    /// A gateway as the manager knows it from its reports (served by `inventory`).
    public struct GatewayView: Codable, Sendable, Hashable {
        public var id: String
        public var url: String?
        public var online: Bool
        /// Its last report; nil when it never reported.
        public var lastSeen: Date?
        public var agents: Int
        public var servers: Int

        public init(id: String, url: String?, online: Bool, lastSeen: Date?, agents: Int, servers: Int) {
            self.id = id
            self.url = url
            self.online = online
            self.lastSeen = lastSeen
            self.agents = agents
            self.servers = servers
        }
    }

    /// An agent node as its gateway reported it.
    public struct AgentView: Codable, Sendable, Hashable {
        public var node: String
        public var gateway: String?
        public var version: String?
        public var online: Bool
        public var lastSeen: Date
        /// The servers it manages that the caller may see.
        public var servers: [String]

        public init(node: String, gateway: String?, version: String?, online: Bool, lastSeen: Date, servers: [String]) {
            self.node = node
            self.gateway = gateway
            self.version = version
            self.online = online
            self.lastSeen = lastSeen
            self.servers = servers
        }
    }

    /// Every gateway (superadmin only).
    public struct ListGateways: Request {
        public static let topic: Topic = "manager.gateways"
        public var loginToken: String
        public var source: String
        public init(loginToken: String, source: String) {
            self.loginToken = loginToken
            self.source = source
        }
        public struct Reply: Codable, Sendable, Hashable {
            public var gateways: [GatewayView]
            public init(gateways: [GatewayView]) { self.gateways = gateways }
        }
    }

    /// Agents: all for a superadmin; for a tenant admin, those serving its tenants' servers.
    public struct ListAgents: Request {
        public static let topic: Topic = "manager.agents"
        public var loginToken: String
        public var source: String
        public init(loginToken: String, source: String) {
            self.loginToken = loginToken
            self.source = source
        }
        public struct Reply: Codable, Sendable, Hashable {
            public var agents: [AgentView]
            public init(agents: [AgentView]) { self.agents = agents }
        }
    }
}
