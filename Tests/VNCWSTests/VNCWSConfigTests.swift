import Contracts
import Foundation
import Kernel
import KernelTesting
import Testing
import VNCTCP
import VNCWS

/// Settings: defaults, the sample manifest, URL checks.
@Suite struct VNCWSConfigTests {
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plugins/VNCWS/sample.yaml")

    @Test func defaultsAreTheDocumentedOnes() {
        let config = VNCWSPlugin.Config()
        #expect(config.servers.isEmpty)
        #expect(config.maxSessionsPerServer == 2)
        #expect(config.idleTimeoutSeconds == 900)
        #expect(config.connectTimeoutSeconds == 10)
    }

    @Test func sampleManifestLoadsAndBuilds() async throws {
        let role = try Role(contentsOf: Self.sample, registry: PluginRegistry([VNCWSPlugin.self]), node: "sample")
        let built = try await role.check()
        #expect(built.map(\.instance.rawValue) == ["vnc-ws"])
        #expect(built.first?.topics == [GraphicalConsole.Attach.topic, Inventory.List.topic])
    }

    @Test func inventoryListsTheConfiguredServers() async throws {
        let yaml = "role: t\nplugins: [{use: vnc-ws, as: vnc-dc1, with: {servers: [{name: b, url: 'ws://h/'}, {name: a, url: 'wss://h/kvm/0'}]}}]"
        try await TestNode.run(yaml, plugins: [VNCWSPlugin.self]) { node in
            let reply = try await node.bus.ask(Inventory.List())
            #expect(reply.servers == ["a", "b"].map { Inventory.Server(id: $0, capabilities: [.vncWebSocket], managedBy: "vnc-dc1") })
        }
    }

    @Test(arguments: [
        ("{servers: [{name: a, url: 'http://bmc/kvm/0'}]}", "must start with ws:// or wss://"),
        ("{servers: [{name: a, url: 'ws://'}]}", "has no host"),
        ("{servers: [{name: a, url: 'wss://root:pw@bmc/kvm/0'}]}", "must not contain credentials"),
        ("{servers: [{name: a, url: 'ws://bmc:99999/'}]}", "url"),
        ("{servers: [{name: a, url: 'ws://bmc/'}, {name: a, url: 'ws://bmc/'}]}", "a is listed twice"),
        ("{servers: [{name: a, host: bmc}]}", "url"),
        ("{maxSessionsPerServer: 0}", "maxSessionsPerServer must be at least 1"),
    ])
    func invalidSettingsAreRefused(with: String, expected: String) async throws {
        let yaml = "role: t\nplugins: [{use: vnc-ws, with: \(with)}]"
        do {
            let role = try Role(yaml: yaml, registry: PluginRegistry([VNCWSPlugin.self]), node: "t",
                                baseDirectory: URL(fileURLWithPath: "/"), environment: [:])
            _ = try await role.check()
            Issue.record("accepted: \(with)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
