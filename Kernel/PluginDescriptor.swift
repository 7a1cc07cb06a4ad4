import Yams

/// A plugin type with its associated `Config` erased, as the registry keeps it.
public struct PluginDescriptor: Sendable {
    /// A built instance: the plugin and the routes it declared.
    public typealias Built = (plugin: any Plugin, routes: Routes)
    /// Builds a fresh instance from already-decoded settings (called on every (re)start).
    public typealias Factory = @Sendable (PluginContext) async throws -> Built

    public let id: PluginID
    public let summary: String
    /// Each setting with its default, in YAML, for `tether plugins`.
    public let defaults: @Sendable () -> [(key: String, value: String)]
    /// Decodes an entry's settings strictly and returns the factory that uses them.
    public let prepare: @Sendable (_ with: String?, _ path: String, _ secrets: SecretReference) throws(ManifestError) -> Factory

    public init<P: Plugin>(_ type: P.Type) {
        id = P.id
        summary = P.summary
        defaults = {
            guard let node = try? ConfigDecoder.encode(P.Config(), at: ""), let mapping = node.mapping else { return [] }
            return mapping.compactMap { key, value in
                guard let name = key.scalar?.string else { return nil }
                let text = (try? Yams.serialize(node: value))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
                return (name, text)
            }
        }
        prepare = { (with: String?, path: String, secrets: SecretReference) throws(ManifestError) -> Factory in
            let config = try ConfigDecoder.decode(P.Config.self, from: with, at: "\(path).with", secrets: secrets)
            return { context in
                let plugin = try await P(config: config, context: context)
                var routes = Routes()
                plugin.routes(&routes)
                return (plugin, routes)
            }
        }
    }
}
