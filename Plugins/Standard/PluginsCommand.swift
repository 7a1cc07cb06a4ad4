import ArgumentParser
import Foundation
import Kernel

struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List the compiled-in plugins: IDs, settings with defaults, topics served.")

    func run() async throws {
        let registry = try PluginRegistry(standardPlugins)
        for id in registry.ids {
            guard let descriptor = registry.descriptors[id] else { continue }
            print(descriptor.summary.isEmpty ? "\(id)" : "\(id): \(descriptor.summary)")
            for (key, value) in descriptor.defaults() { print("  with.\(key): \(value)") }
            let topics = await Self.topicsWithDefaults(descriptor)
            print("  topics: \(topics)")
        }
    }

    /// Builds the plugin with its defaults (no I/O) to list its routes.
    static func topicsWithDefaults(_ descriptor: PluginDescriptor) async -> String {
        guard let make = try? descriptor.prepare(nil, "plugins[0] (\(descriptor.id))", SecretReference(baseDirectory: URL(fileURLWithPath: "/"))) else {
            return "(needs settings)"
        }
        let bus = Bus(node: "plugins")
        let context = PluginContext(
            node: "plugins", instance: descriptor.id, role: "plugins", bus: bus, logger: .init(label: "plugins"),
            status: NodeStatus(), baseDirectory: URL(fileURLWithPath: "/"))
        guard let built = try? await make(context) else { return "(needs settings)" }
        let topics = built.routes.topics
        return topics.isEmpty ? "none" : topics.map(\.rawValue).joined(separator: ", ")
    }
}
