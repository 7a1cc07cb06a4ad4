import Foundation
import Kernel
import Testing
@testable import IPMISOL

/// The manifest side: defaults, strictness, and every refusal `init` makes without I/O.
struct PluginConfigTests {
    static func role(_ with: String, environment: [String: String] = [:]) throws -> Role {
        let yaml = "role: t\nplugins:\n  - use: ipmi-sol\n    with:\n" + with.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        return try Role(
            yaml: yaml, registry: PluginRegistry([IPMISOLPlugin.self]), node: "t",
            baseDirectory: URL(fileURLWithPath: "/etc/tether"), environment: environment
        )
    }

    static func refusal(_ with: String, environment: [String: String] = [:]) async -> String {
        do {
            _ = try await role(with, environment: environment).check()
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    static let server = "servers:\n  - {name: web-01, host: 10.0.0.5, username: admin, passwordFile: secrets/web-01.pass}"

    @Test func defaultsComeFromTheConfigInitialisers() throws {
        let config = try ConfigDecoder.decode(
            IPMISOLPlugin.Config.self, from: Self.server, at: "with", secrets: SecretReference(environment: [:], baseDirectory: URL(fileURLWithPath: "/"))
        )
        let server = try #require(config.servers.first)
        #expect(server.port == 623 && server.privilege == "administrator" && server.cipherSuitePolicy == "strongest")
        #expect(server.timeoutSeconds == 4 && server.password.isEmpty)
        #expect(config.consoleScrollbackBytes == 1_048_576 && !config.allowForceTakeover)
        #expect(config.discovery == IPMIDiscoveryConfig())
        #expect(config.discovery.port == 623 && config.discovery.ranges.isEmpty)
    }

    @Test func passwordFileIsResolvedAgainstTheManifestFolderButNotRead() async throws {
        let role = try Self.role(Self.server)
        let topics = try await role.check()
        #expect(topics.first?.topics.map(\.rawValue).contains("console.serial.attach") == true)
        let settings = try BMCSettings(
            .sample, at: "servers[0]", resolvePath: { URL(fileURLWithPath: "/etc/tether").appendingPathComponent($0) }
        )
        #expect(settings.password == .file(URL(fileURLWithPath: "/etc/tether/secrets/web-01.pass")))
        #expect(throws: IPMISOLError.self) { try settings.clientConfiguration() }
    }

    @Test func passwordFromEnvironmentReference() async throws {
        let with = "servers:\n  - {name: a, host: h, username: u, password: '${BMC_PW}'}"
        #expect(await Self.refusal(with, environment: ["BMC_PW": "secret"]) == "accepted")
        #expect(await Self.refusal(with).contains("BMC_PW is not set"))
    }

    @Test(arguments: [
        ("servers:\n  - {name: a, host: h, username: u, passwrd: x}", "servers[0].passwrd: unknown key"),
        ("servers:\n  - {name: a, host: h, username: u}", "servers[0].passwordFile: set passwordFile, or password"),
        ("servers:\n  - {name: a, host: h, username: u, password: x, passwordFile: f}", "servers[0].password: set either"),
        ("servers:\n  - {host: h, username: u, passwordFile: f}", "servers[0].name: required"),
        ("servers:\n  - {name: a, host: h, username: u, passwordFile: f, port: 0}", "servers[0].port: 0 is not in 1...65535"),
        ("servers:\n  - {name: a, host: h, username: u, passwordFile: f, privilege: root}", "servers[0].privilege: \"root\" is not one of"),
        ("servers:\n  - {name: a, host: h, username: u, passwordFile: f, cipherSuitePolicy: only-9}", "only-17"),
        ("servers:\n  - {name: a, host: h, username: u, passwordFile: f, timeoutSeconds: 0}", "servers[0].timeoutSeconds"),
        ("servers:\n  - {name: a, host: h, username: u, passwordFile: f}\n  - {name: a, host: i, username: u, passwordFile: f}", "servers[1].name: a is listed twice"),
        ("consoleScrollbackBytes: 10", "consoleScrollbackBytes: 10 is not in"),
        ("discovery: {ranges: [10.0.0.0/33]}", "discovery.ranges[0]: \"10.0.0.0/33\""),
        ("discovery: {ranges: [10.0.0.0/16]}", "discovery.ranges: more than 4096 addresses"),
        ("discovery: {rangez: []}", "discovery.rangez: unknown key"),
    ])
    func refusesWithThePathAndTheReason(with: String, expected: String) async {
        let message = await Self.refusal(with)
        #expect(message.contains(expected), "\(message)")
    }

    @Test func sampleManifestLoadsThroughTheRealDecoder() async throws {
        let sample = try #require(Self.sampleURL, "sample.yaml not found next to the plugin sources")
        let role = try Role(contentsOf: sample, registry: PluginRegistry([IPMISOLPlugin.self]), node: "sample")
        _ = try await role.check()
        let text = try String(contentsOf: sample, encoding: .utf8)
        #expect(!text.contains("password:"), "the sample must not carry a password inline")
    }

    /// `Plugins/IPMISOL/sample.yaml` in the repository (`Sources/IPMISOL` in a dev package).
    static var sampleURL: URL? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            folder = folder.deletingLastPathComponent()
            for candidate in ["Plugins/IPMISOL/sample.yaml", "Sources/IPMISOL/sample.yaml"] {
                let url = folder.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: url.path) { return url }
            }
        }
        return nil
    }
}

extension IPMIServerConfig {
    static var sample: IPMIServerConfig {
        var config = IPMIServerConfig()
        config.name = "web-01"
        config.host = "10.0.0.5"
        config.username = "admin"
        config.passwordFile = "secrets/web-01.pass"
        return config
    }
}
