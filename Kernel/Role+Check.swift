import Logging

extension Role {
    /// What `tether check` does beyond parsing: builds every plugin once (their `init` does
    /// no I/O) so that a setting a plugin refuses fails here, not in production.
    /// - Returns: the topics each instance would serve.
    public func check(logger: Logger = Logger(label: "tether.check")) async throws(ManifestError) -> [(instance: PluginID, topics: [Topic])] {
        let bus = Bus(node: node, logger: logger)
        let status = NodeStatus()
        var result: [(PluginID, [Topic])] = []
        for instance in instances {
            let name = instance.entry.instance
            let context = PluginContext(
                node: node, instance: name, role: manifest.role, bus: bus.sending(as: name), logger: logger,
                status: status, baseDirectory: baseDirectory)
            do {
                let built = try await instance.make(context)
                result.append((name, built.routes.topics))
            } catch let error as ManifestError {
                throw error
            } catch {
                throw ManifestError("\(instance.entry.path).with", ManifestParser.oneLine(error))
            }
        }
        return result
    }
}
