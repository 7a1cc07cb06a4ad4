import Foundation
import GatewayAPI
import Kernel
import Testing

@testable import Session

/// Settings are checked when the role loads; the sample loads through the real decoder.
@Suite struct SessionConfigTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let registry = try! PluginRegistry([SessionPlugin.self, GatewayAPIPlugin.self])

    @Test func defaultsAreAsDocumented() {
        let config = SessionPlugin.Config()
        #expect(config.viewerURL == "http://127.0.0.1:8081")
        #expect(config.codeLifetimeSeconds == 60 && config.leaseSeconds == 120 && config.maxLifetimeSeconds == 43_200)
        #expect(config.maxSessionsPerServer == 8 && config.requestTimeoutSeconds == 10)
    }

    @Test func theSampleLoads() async throws {
        let url = Self.packageRoot.appendingPathComponent("Plugins/Session/sample.yaml")
        let role = try Role(yaml: try String(contentsOf: url, encoding: .utf8), registry: Self.registry, node: "check",
                            baseDirectory: Self.packageRoot, environment: [:])
        _ = try await role.check()
    }

    @Test(arguments: [
        ("{leaseSeconds: 0}", "leaseSeconds"), ("{maxSessionsPerServer: 0}", "maxSessionsPerServer"),
        ("{viewerURL: \"ftp://x\"}", "viewerURL"), ("{viewerURL: \"https://x/?a=1\"}", "viewerURL"), ("{leaseSecond: 1}", "unknown key"),
    ])
    func badSettingsAreRefused(with: String, expected: String) async throws {
        do {
            let role = try Role(yaml: "role: t\nplugins: [{use: session, with: \(with)}]", registry: Self.registry, node: "check",
                                baseDirectory: Self.packageRoot, environment: [:])
            _ = try await role.check()
            Issue.record("\(with) was accepted")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
