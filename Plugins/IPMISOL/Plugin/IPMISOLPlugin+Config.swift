import Kernel

extension IPMISOLPlugin {
    /// The `with:` block of an `ipmi-sol` entry.
    public struct Config: PluginConfig {
        /// The BMCs this instance manages.
        public var servers: [IPMIServerConfig] = []
        /// Console output kept per server (the always-on log a new viewer gets first).
        public var consoleScrollbackBytes = 1_048_576
        /// Optional RMCP presence-ping probe of address ranges.
        public var discovery = IPMIDiscoveryConfig()
        /// May `force` take the BMC's SOL payload from a session outside Tether? Every take-over
        /// is logged and announced as `console.takeover`.
        public var allowForceTakeover = false

        public init() {}
    }
}
