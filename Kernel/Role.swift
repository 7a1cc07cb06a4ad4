import Foundation

/// A manifest that passed phase 1: every entry resolved to a plugin and its settings decoded.
/// Nothing has started.
public struct Role: Sendable {
    /// One entry, ready to be (re)built by the supervisor.
    public struct Instance: Sendable {
        public let entry: Manifest.Entry
        public let descriptor: PluginDescriptor
        public let make: PluginDescriptor.Factory
    }

    public let manifest: Manifest
    public let node: NodeID
    public let instances: [Instance]
    public let baseDirectory: URL

    /// Phase 1 of boot: parse, resolve every `use`, decode every `with:`.
    /// - Parameters:
    ///   - node: overrides the manifest's `node:` (the `--node` flag); else the host name.
    public init(
        yaml: String, registry: PluginRegistry, node: NodeID? = nil, baseDirectory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ManifestError) {
        let manifest = try ManifestParser.parse(yaml)
        let secrets = SecretReference(environment: environment, baseDirectory: baseDirectory)
        var instances: [Instance] = []
        for entry in manifest.plugins {
            let descriptor = try registry.descriptor(entry.use, at: "plugins[\(entry.index)]")
            let make = try descriptor.prepare(entry.with, entry.path, secrets)
            instances.append(Instance(entry: entry, descriptor: descriptor, make: make))
        }
        self.manifest = manifest
        self.node = node ?? manifest.node ?? NodeID(ProcessInfo.processInfo.hostName)
        self.instances = instances
        self.baseDirectory = baseDirectory
    }

    /// Loads a manifest file.
    public init(contentsOf url: URL, registry: PluginRegistry, node: NodeID? = nil) throws(ManifestError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ManifestError(url.path, "cannot read the manifest: \(error.localizedDescription)")
        }
        try self.init(yaml: text, registry: registry, node: node, baseDirectory: url.deletingLastPathComponent())
    }
}
