import Kernel

/// What a node manages.
public enum Inventory {
    /// What a server's BMC supports, so clients offer only what works.
    public enum Capability: String, Codable, Sendable, CaseIterable {
        case ipmi, redfish, power, boot, eventLog = "event-log", serialIPMI = "serial-ipmi", serialRedfish = "serial-redfish"
        case vncTCP = "vnc-tcp", vncWebSocket = "vnc-ws"
    }

    /// One server as a protocol plugin knows it.
    public struct Server: Codable, Sendable, Equatable {
        public var id: ServerID
        public var capabilities: [Capability]
        /// The plugin instance that manages it.
        public var managedBy: String

        public init(id: ServerID, capabilities: [Capability], managedBy: String) {
            self.id = id
            self.capabilities = capabilities
            self.managedBy = managedBy
        }
    }

    /// Lists the servers one protocol plugin instance manages.
    public struct List: Request {
        public static let topic: Topic = "inventory.list"

        public init() {}

        public struct Reply: Codable, Sendable, Equatable {
            public var servers: [Server]
            public init(servers: [Server]) { self.servers = servers }
        }
    }
}
