import Foundation
import Kernel
import Testing

@Suite struct ManifestTests {
    let registry: PluginRegistry
    init() throws {
        registry = try PluginRegistry([EchoPlugin.self, RecorderPlugin.self, NestedConfigPlugin.self])
    }

    func load(_ yaml: String, environment: [String: String] = [:], base: URL = URL(fileURLWithPath: "/")) throws(ManifestError) -> Role {
        try Role(yaml: yaml, registry: registry, node: "n", baseDirectory: base, environment: environment)
    }

    func error(_ yaml: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try load(yaml, environment: environment)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func unknownSettingNamesThePathAndTheAllowedKeys() {
        let message = error("role: t\nplugins:\n  - use: echo\n  - use: recorder\n  - use: nested\n    with: {limits: {idleTimout: 5}}")
        #expect(message == "plugins[2] (nested).with.limits.idleTimout: unknown key; allowed: idleTimeoutSeconds, maxViewers")
        let top = error("role: t\nplugins: [{use: echo, with: {prefx: x}}]")
        #expect(top == "plugins[0] (echo).with.prefx: unknown key; allowed: log, prefix")
    }

    @Test func unknownKeysAtEveryLevelAreRefused() {
        #expect(error("role: t\nplugin: []") == "plugin: unknown key (line 2); allowed: role, node, supervision, plugins")
        #expect(error("role: t\nplugins: [{use: echo, using: x}]").hasPrefix("plugins[0].using: unknown key"))
        #expect(error("role: t\nsupervision: {intensty: 1}\nplugins: []").hasPrefix("supervision.intensty: unknown key"))
        #expect(error("role: t\nplugins: [{use: nested, with: {servers: [{name: a, port: 1, hots: x}]}}]")
            .hasPrefix("plugins[0] (nested).with.servers[0].hots: unknown key"))
    }

    @Test func malformedYAMLIsOneClearLine() {
        let message = error("role: t\nplugins: [{use: echo")
        #expect(message.hasPrefix("malformed YAML:"))
        #expect(!message.contains("\n"))
    }

    @Test func duplicateInstanceNamesAreRefused() {
        #expect(error("role: t\nplugins: [{use: echo}, {use: echo}]")
            == "plugins[1].as: duplicate instance name \"echo\" (also plugins[0]); give one of them another `as:`")
    }

    @Test func unknownPluginListsTheKnownOnes() {
        #expect(error("role: t\nplugins: [{use: sesion}]") == "plugins[0].use: unknown plugin \"sesion\"; known: echo, nested, recorder")
    }

    @Test func wrongValueTypeNamesTheKeyAndTheValue() {
        #expect(error("role: t\nplugins: [{use: nested, with: {limits: {maxViewers: many}}}]")
            == "plugins[0] (nested).with.limits.maxViewers: expected an integer, got \"many\"")
        #expect(error("role: t\nplugins: [{use: nested, with: {servers: [{name: a}]}}]")
            == "plugins[0] (nested).with.servers[0].port: required key missing")
        #expect(error("role: t\nplugins: [{use: echo, restart: sometimes}]").hasPrefix("plugins[0].restart: expected one of permanent, transient, temporary"))
    }

    @Test func defaultsComeFromTheConfigInitialisers() async throws {
        let config = try await built("role: t\nplugins: [{use: nested, with: {limits: {idleTimeoutSeconds: 9}, label: defaults}}]", label: "defaults")
        #expect(config?.limits.maxViewers == 4)
        #expect(config?.limits.idleTimeoutSeconds == 9)
        #expect(config?.password == "")
    }

    @Test func secretsComeFromTheEnvironmentAndFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "from-file\n".write(to: folder.appendingPathComponent("bmc.pass"), atomically: true, encoding: .utf8)
        let fromFile = try await built("role: t\nplugins: [{use: nested, with: {password: 'file:bmc.pass', label: file}}]", label: "file", base: folder)
        #expect(fromFile?.password == "from-file")
        let fromEnvironment = try await built(
            "role: t\nplugins: [{use: nested, with: {password: 'pre-${BMC_PASS}', label: env}}]", label: "env", environment: ["BMC_PASS": "s3cret"])
        #expect(fromEnvironment?.password == "pre-s3cret")
        #expect(error("role: t\nplugins: [{use: nested, with: {password: '${NOPE}'}}]")
            == "plugins[0] (nested).with.password: environment variable NOPE is not set")
    }

    /// Loads and builds a role (phase 1, no I/O) and returns the config the plugin received.
    func built(_ yaml: String, label: String, environment: [String: String] = [:], base: URL = URL(fileURLWithPath: "/")) async throws -> NestedConfigPlugin.Config? {
        _ = try await load(yaml, environment: environment, base: base).check()
        return NestedConfigPlugin.received.withLock { $0[label] }
    }

    @Test func checkBuildsEveryPluginAndReportsRefusedSettings() async throws {
        let role = try load("role: t\nplugins: [{use: nested, with: {limits: {maxViewers: 0}}}]")
        await #expect(throws: ManifestError("plugins[0] (nested).with", "limits.maxViewers must be at least 1")) {
            _ = try await role.check()
        }
        let good = try load("role: t\nplugins: [{use: echo}]")
        let topics = try await good.check()
        #expect(topics.first?.topics == [Echo.Say.topic, Echo.Note.topic, Echo.Stream.topic].sorted { $0.rawValue < $1.rawValue })
    }
}

