import Foundation
import Kernel
import Logging

/// Boots a role from a YAML string for a test, the way `tether run` would, and shuts it down
/// (reverse order) when the body returns.
///
/// ```swift
/// try await TestNode.run("role: t\nplugins: [{use: echo}]", plugins: [EchoPlugin.self]) { node in
///     let reply = try await node.bus.ask(Echo.Say(text: "hi"))
/// }
/// ```
public enum TestNode {
    /// Runs `body` once every plugin is running.
    public static func run<T: Sendable>(
        _ yaml: String, plugins: [any Plugin.Type], node: NodeID = "test",
        environment: [String: String] = [:], baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        _ body: @Sendable (RoleRunner) async throws -> T
    ) async throws -> T {
        let registry = try PluginRegistry(plugins)
        let role = try Role(yaml: yaml, registry: registry, node: node, baseDirectory: baseDirectory, environment: environment)
        var logger = Logger(label: "test.\(node)")
        logger.logLevel = ProcessInfo.processInfo.environment["TETHER_TEST_LOG"] == nil ? .critical : .debug
        let runner = RoleRunner(role: role, logger: logger, handleSignals: false)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await runner.run()
                return nil
            }
            await runner.status.waitUntilReady()
            do {
                let result = try await body(runner)
                await runner.shutdown()
                while let value = try await group.next() { if let value { return value } }
                return result
            } catch {
                await runner.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }
}
