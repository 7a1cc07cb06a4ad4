import Auth
import Foundation
import Kernel
import KernelTesting
import Testing

/// `bootstrap.users[].passwordFile`: read when the plugin starts, not when the manifest is
/// checked, so a committed manifest can name a file a setup script writes later.
@Suite struct BootstrapPasswordFileTests {
    static func yaml(database: String, passwordFile: String) -> String {
        """
        role: manager
        plugins:
          - use: auth
            with:
              storage: "sqlite:\(database)"
              passwordCost: 10
              bootstrap:
                tenants: [{id: lab}]
                users: [{name: admin, passwordFile: "\(passwordFile)", superadmin: true}]
        """
    }

    @Test func manifestNamingAMissingFileStillPassesTheCheck() async throws {
        let role = try Role(
            yaml: Self.yaml(database: ManagerFixture.temporaryDatabase(), passwordFile: "/nonexistent/admin.password"),
            registry: PluginRegistry([AuthPlugin.self]), node: "manager", baseDirectory: URL(fileURLWithPath: "/"))
        _ = try await role.check()
    }

    @Test func theFilesPasswordLogsInAndAChangedFileReplacesIt() async throws {
        let folder = NSTemporaryDirectory() + "tether-bootstrap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/admin.password"
        let database = folder + "/manager.db"
        try "first-secret\n".write(toFile: file, atomically: true, encoding: .utf8)
        try await TestNode.run(Self.yaml(database: database, passwordFile: file), plugins: [AuthPlugin.self], node: "manager") { node in
            let token = try await node.bus.ask(Manager.Login(username: "admin", password: "first-secret", source: "127.0.0.1")).token
            #expect(!token.isEmpty)
            await #expect(throws: (any Error).self) {
                _ = try await node.bus.ask(Manager.Login(username: "admin", password: "first-secret\n", source: "127.0.0.1"))
            }
        }
        try "second-secret\n".write(toFile: file, atomically: true, encoding: .utf8)
        try await TestNode.run(Self.yaml(database: database, passwordFile: file), plugins: [AuthPlugin.self], node: "manager") { node in
            await #expect(throws: (any Error).self) {
                _ = try await node.bus.ask(Manager.Login(username: "admin", password: "first-secret", source: "127.0.0.1"))
            }
            _ = try await node.bus.ask(Manager.Login(username: "admin", password: "second-secret", source: "127.0.0.1"))
        }
    }

    @Test func passwordAndPasswordFileTogetherAreRefused() async throws {
        let yaml = Self.yaml(database: ManagerFixture.temporaryDatabase(), passwordFile: "/tmp/x")
            .replacingOccurrences(of: "superadmin: true", with: "superadmin: true, password: inline-is-fine-for-this-test")
        let role = try Role(yaml: yaml, registry: PluginRegistry([AuthPlugin.self]), node: "manager", baseDirectory: URL(fileURLWithPath: "/"))
        await #expect(throws: (any Error).self) { _ = try await role.check() }
    }
}
