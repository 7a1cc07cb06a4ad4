import Foundation
import Logging

/// What the kernel gives a plugin instance when it is built.
public struct PluginContext: Sendable {
    /// This process's node.
    public let node: NodeID
    /// The instance name (`as:` or the plugin ID).
    public let instance: PluginID
    /// The role label from the manifest.
    public let role: String
    /// The bus; everything sent through it is stamped `instance@node`.
    public let bus: Bus
    /// A logger with `plugin` and `node` metadata.
    public let logger: Logger
    /// The state of every instance on this node (for readiness).
    public let status: NodeStatus
    /// The folder of the manifest, against which relative paths in `with:` resolve.
    public let baseDirectory: URL

    public init(node: NodeID, instance: PluginID, role: String, bus: Bus, logger: Logger, status: NodeStatus, baseDirectory: URL) {
        self.node = node
        self.instance = instance
        self.role = role
        self.bus = bus
        self.logger = logger
        self.status = status
        self.baseDirectory = baseDirectory
    }

    /// A path from the configuration, made absolute against the manifest's folder.
    public func resolvePath(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
    }
}
