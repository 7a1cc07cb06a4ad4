import Kernel

/// Which node and instance serves a server, as the gateway's `routing` plugin knows it from
/// the agents' registrations.
public enum Routing {
    /// Where to send `topic` for `server`.
    public struct Resolve: Request {
        public static let topic: Topic = "routing.resolve"
        public var server: ServerID
        public var serving: Topic

        public init(server: ServerID, serving: Topic) {
            self.server = server
            self.serving = serving
        }

        public struct Reply: Codable, Sendable, Equatable {
            public var address: Address
            public init(address: Address) { self.address = address }
        }
    }

    /// One known server and where it lives.
    public struct Entry: Codable, Sendable, Equatable {
        public var server: ServerID
        public var node: NodeID
        public var online: Bool
        public var capabilities: [Inventory.Capability]
        /// Instances that manage it, with the topics each serves for it.
        public var instances: [PluginID]

        public init(server: ServerID, node: NodeID, online: Bool, capabilities: [Inventory.Capability], instances: [PluginID]) {
            self.server = server
            self.node = node
            self.online = online
            self.capabilities = capabilities
            self.instances = instances
        }
    }

    /// Every server known to this node's routing.
    public struct List: Request {
        public static let topic: Topic = "routing.list"
        public init() {}
        public struct Reply: Codable, Sendable, Equatable {
            public var servers: [Entry]
            public init(servers: [Entry]) { self.servers = servers }
        }
    }
}

/// A request about one server.
public protocol ServerScoped {
    var server: ServerID { get }
}

extension Power.Set: ServerScoped {}
extension Power.Status: ServerScoped {}
extension Boot.Set: ServerScoped {}
extension Boot.Get: ServerScoped {}
extension BMC.Info: ServerScoped {}
extension SystemEventLog.List: ServerScoped {}
extension SystemEventLog.Clear: ServerScoped {}
extension SerialConsole.Attach: ServerScoped {}

extension Bus {
    /// Asks whichever instance manages `request.server`, found through the local `routing`.
    public func askServer<R: Request & ServerScoped>(_ request: R, timeout: Duration = .seconds(10)) async throws -> R.Reply {
        let route = try await ask(Routing.Resolve(server: request.server, serving: R.topic), timeout: timeout)
        return try await ask(request, to: .exactly(route.address), timeout: timeout)
    }

    /// Opens a stream to whichever instance manages `request.server`.
    public func openServer<S: StreamRequest & ServerScoped>(_ request: S) async throws -> Duplex {
        let route = try await ask(Routing.Resolve(server: request.server, serving: S.topic))
        return try await open(request, to: .exactly(route.address))
    }
}
