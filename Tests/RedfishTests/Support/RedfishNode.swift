import Foundation
import Kernel
import KernelTesting
import Logging
import Redfish

/// Boots a role with the `redfish` plugin for a test.
enum RedfishNode {
    /// The plugin with `with:` given as YAML flow text.
    static func manifest(_ with: String) -> String { "role: t\nplugins:\n  - use: redfish\n    with: \(with)\n" }

    /// One server entry as YAML flow text, pinned to the peer's certificate.
    static func server(
        _ name: String, url: String, password: String, certificate: URL? = nil, insecure: Bool = false, systemId: String? = nil,
        ipmi: Bool = false, username: String = "admin"
    ) -> String {
        var fields = ["name: \(name)", "url: '\(url)'", "username: \(username)", "password: '\(password)'"]
        if let certificate { fields.append("certificateFile: '\(certificate.path)'") }
        if insecure { fields.append("insecureSkipVerify: true") }
        if let systemId { fields.append("systemId: '\(systemId)'") }
        if ipmi { fields.append("ipmi: true") }
        return "{\(fields.joined(separator: ", "))}"
    }

    /// - Parameter extra: more settings; by default `inventory.list` may wait long, since the
    ///   peers share two cores with every other test.
    static func run<T: Sendable>(
        servers: [String], extra: String = "inventoryWaitSeconds: 45", logs: CapturedLogs? = nil, _ body: @Sendable (RoleRunner) async throws -> T
    ) async throws -> T {
        let with = "{servers: [\(servers.joined(separator: ", "))]\(extra.isEmpty ? "" : ", " + extra)}"
        let yaml = manifest(with)
        guard let logs else { return try await TestNode.run(yaml, plugins: [RedfishPlugin.self], body) }
        return try await runLogged(yaml, logs: logs, body)
    }

    /// `TestNode.run` with every log line captured at trace level.
    private static func runLogged<T: Sendable>(_ yaml: String, logs: CapturedLogs, _ body: @Sendable (RoleRunner) async throws -> T) async throws -> T {
        let registry = try PluginRegistry([RedfishPlugin.self])
        let role = try Role(yaml: yaml, registry: registry, node: "test", baseDirectory: URL(fileURLWithPath: "/"))
        let runner = RoleRunner(role: role, logger: logs.logger(), handleSignals: false)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await runner.run()
                return nil
            }
            await runner.status.waitUntilReady()
            do {
                let result = try await body(runner)
                await runner.shutdown()
                while try await group.next() != nil {}
                return result
            } catch {
                await runner.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }
}
