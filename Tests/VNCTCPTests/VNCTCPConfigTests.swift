import Contracts
import Foundation
import Kernel
import KernelTesting
import Testing
import VNCTCP

/// Settings: defaults, the sample manifest, and the refusals a wrong manifest gets.
@Suite struct VNCTCPConfigTests {
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plugins/VNCTCP/sample.yaml")

    @Test func defaultsAreTheDocumentedOnes() {
        let config = VNCTCPPlugin.Config()
        #expect(config.servers.isEmpty)
        #expect(config.maxSessionsPerServer == 2)
        #expect(config.idleTimeoutSeconds == 900)
        #expect(config.connectTimeoutSeconds == 10)
    }

    @Test func sampleManifestLoadsAndBuilds() async throws {
        let role = try Role(contentsOf: Self.sample, registry: PluginRegistry([VNCTCPPlugin.self]), node: "sample")
        let built = try await role.check()
        #expect(built.map(\.instance.rawValue) == ["vnc-tcp"])
        #expect(built.first?.topics == [GraphicalConsole.Attach.topic, Inventory.List.topic])
    }

    @Test func portDefaultsTo5900AndPasswordReferencesResolve() async throws {
        let yaml = "role: t\nplugins: [{use: vnc-tcp, with: {servers: [{name: a, host: bmc.example, password: '${PW}'}]}}]"
        let role = try Role(yaml: yaml, registry: PluginRegistry([VNCTCPPlugin.self]), node: "t",
                            baseDirectory: URL(fileURLWithPath: "/"), environment: ["PW": "secret"])
        _ = try await role.check()
    }

    @Test func inventoryListsTheConfiguredServers() async throws {
        let yaml = "role: t\nplugins: [{use: vnc-tcp, as: vnc-dc1, with: {servers: [{name: b, host: h}, {name: a, host: h}]}}]"
        try await TestNode.run(yaml, plugins: [VNCTCPPlugin.self]) { node in
            let reply = try await node.bus.ask(Inventory.List())
            #expect(reply.servers == ["a", "b"].map { Inventory.Server(id: $0, capabilities: [.vncTCP], managedBy: "vnc-dc1") })
        }
    }

    @Test(arguments: [
        ("{servers: [{name: a, host: h}, {name: a, host: h}]}", "a is listed twice"),
        ("{servers: [{name: '', host: h}]}", "name is empty"),
        ("{servers: [{name: a, host: ''}]}", "host is empty"),
        ("{servers: [{name: a, host: h, port: 70000}]}", "is not a TCP port"),
        ("{servers: [{name: a, host: h, password: x, passwordFile: /p}]}", "set password or passwordFile, not both"),
        ("{servers: [{name: a, host: h, pasword: x}]}", "unknown key"),
        ("{servers: [{name: a, host: h, password: '${NOT_SET_ANYWHERE}'}]}", "NOT_SET_ANYWHERE is not set"),
        ("{maxSessionsPerServer: 0}", "maxSessionsPerServer must be at least 1"),
        ("{idleTimeoutSeconds: -1}", "idleTimeoutSeconds must be 0 (never) or more"),
        ("{connectTimeoutSeconds: 0}", "connectTimeoutSeconds must be above 0"),
    ])
    func invalidSettingsAreRefused(with: String, expected: String) async throws {
        let yaml = "role: t\nplugins: [{use: vnc-tcp, with: \(with)}]"
        do {
            let role = try Role(yaml: yaml, registry: PluginRegistry([VNCTCPPlugin.self]), node: "t",
                                baseDirectory: URL(fileURLWithPath: "/"), environment: [:])
            _ = try await role.check()
            Issue.record("accepted: \(with)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
