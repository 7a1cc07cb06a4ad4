/// A role: which plugins run on this node, in which order, with which settings.
///
/// ```yaml
/// role: gateway
/// node: gateway-eu1            # optional; defaults to the host name
/// supervision: { intensity: 5, periodSeconds: 30 }
/// plugins:                     # started top to bottom, stopped bottom to top
///   - use: session
///     with: { idleTimeoutSeconds: 600 }
///   - use: metrics
///     as: metrics-internal
///     restart: permanent
/// ```
public struct Manifest: Sendable {
    /// One plugin instance.
    public struct Entry: Sendable {
        /// Position in the list, for error paths.
        public var index: Int
        public var use: PluginID
        /// The instance name: `as:` or the plugin ID.
        public var instance: PluginID
        /// The `with:` block as YAML text, decoded against the plugin's `Config` at load time.
        public var with: String?
        public var restart: RestartPolicy

        /// `plugins[2] (session)`, the prefix of every error about this entry.
        public var path: String { "plugins[\(index)] (\(instance))" }
    }

    public var role: String
    public var node: NodeID?
    public var supervision: SupervisionPolicy
    public var plugins: [Entry]
}
