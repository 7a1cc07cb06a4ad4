import Kernel

extension InventoryPlugin {
    /// The `inventory` entry's `with:` block.
    public struct Config: PluginConfig {
        /// The manager's store, the same as the `auth` entry's `storage` (`sqlite:PATH`
        /// relative to the manifest, or `postgres://...`).
        public var storage = "sqlite:tether-manager.db"
        /// A gateway that misses this many heartbeats (its own `reportSeconds`) is offline,
        /// with its agents and servers.
        public var missedHeartbeats = 3
        /// Node names allowed to report as gateways; empty: any node linked to this manager
        /// (the link's tokens decide who may link) that is not known as another gateway's agent.
        public var gateways: [String] = []
        /// Most audit events accepted in one delivery.
        public var maximumEventsPerDelivery = 1_000
        public init() {}
    }
}
