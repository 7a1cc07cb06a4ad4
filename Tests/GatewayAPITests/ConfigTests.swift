import Foundation
import Kernel
import Testing

@testable import GatewayAPI

/// Settings are checked when the role loads, without I/O; the sample loads.
@Suite struct ConfigTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func check(_ with: String) async throws {
        let role = try Role(
            yaml: "role: gateway\nplugins: [{use: gateway-api, with: \(with)}]", registry: PluginRegistry([GatewayAPIPlugin.self]),
            node: "check", baseDirectory: Self.packageRoot, environment: [:])
        _ = try await role.check()
    }

    @Test func defaultsAreAsDocumented() {
        let config = GatewayAPIPlugin.Config()
        #expect(config.listen == "127.0.0.1:8443")
        #expect(config.certificateFile == nil && config.privateKeyFile == nil)
        #expect(config.allowedOrigins.isEmpty)
        #expect(config.maxBodyBytes == 65_536)
        #expect(config.requestTimeoutSeconds == 15)
        #expect(config.maxWebSocketFrameBytes == 1_048_576)
        #expect(config.sessionIdleTimeoutSeconds == 900)
        #expect(config.maxConsoleSessionsPerServer == 8)
    }

    @Test(arguments: [
        ("{certificateFile: /nonexistent/cert.pem}", "go together"),
        ("{allowedOrigins: [\"*\"]}", "is not an origin"),
        ("{allowedOrigins: [\"https://a.example/\"]}", "is not an origin"),
        ("{maxBodyBytes: 0}", "maxBodyBytes"),
        ("{requestTimeoutSeconds: -1}", "requestTimeoutSeconds"),
        ("{maxWebSocketFrameBytes: 10}", "maxWebSocketFrameBytes"),
        ("{maxConsoleSessionsPerServer: 0}", "maxConsoleSessionsPerServer"),
        ("{sessionIdleTimeoutSeconds: 0}", "sessionIdleTimeoutSeconds"),
        ("{listen: \"127.0.0.1:99999\"}", "not a valid port"),
        ("{maxBodyByte: 10}", "unknown key"),
    ])
    func badSettingsAreRefused(with: String, message: String) async throws {
        do {
            try await check(with)
            Issue.record("\(with) was accepted")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func certificatesAreNotReadUntilTheServerStarts() async throws {
        try await check("{certificateFile: /nonexistent/cert.pem, privateKeyFile: /nonexistent/key.pem}")
    }

    @Test func theSampleLoadsThroughTheManifestDecoder() async throws {
        let candidates = ["Plugins/GatewayAPI/sample.yaml", "Sources/GatewayAPI/sample.yaml"].map { Self.packageRoot.appendingPathComponent($0) }
        let sample = try #require(candidates.first { FileManager.default.fileExists(atPath: $0.path) })
        let role = try Role(contentsOf: sample, registry: PluginRegistry([GatewayAPIPlugin.self, SampleRoutingStandIn.self]), node: "sample")
        let instances = try await role.check()
        #expect(instances.map(\.instance).contains("gateway-api"))
    }
}

/// The sample lists `routing` beside `gateway-api`; this stands in for it here.
struct SampleRoutingStandIn: Plugin {
    static let id: PluginID = "routing"
    struct Config: PluginConfig {
        var refreshSeconds = 60
        var askTimeoutSeconds = 10
        init() {}
    }
    init(config: Config, context: PluginContext) {}
}
