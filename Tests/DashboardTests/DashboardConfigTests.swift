import Foundation
import Kernel
import Testing

@testable import Dashboard

/// Settings are checked when the role loads; the sample loads through the real decoder.
@Suite struct DashboardConfigTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let registry = try! PluginRegistry([DashboardPlugin.self])

    @Test func defaultsAreAsDocumented() {
        let config = DashboardPlugin.Config()
        #expect(config.listen == "127.0.0.1:8082")
        #expect(config.gateways.isEmpty && config.gatewayTrustRoots.isEmpty && config.oidcRedirectURI.isEmpty)
        #expect(config.requestTimeoutSeconds == 15 && config.auditPageSize == 50 && config.maxSessions == 1000)
    }

    @Test func theSampleLoads() async throws {
        let url = Self.packageRoot.appendingPathComponent("Plugins/Dashboard/sample.yaml")
        let role = try Role(yaml: try String(contentsOf: url, encoding: .utf8), registry: Self.registry, node: "check",
                            baseDirectory: Self.packageRoot, environment: [:])
        _ = try await role.check()
    }

    @Test(arguments: [
        ("{requestTimeoutSeconds: 0}", "requestTimeoutSeconds"), ("{auditPageSize: 0}", "auditPageSize"), ("{maxSessions: 0}", "maxSessions"),
        ("{gateways: [{id: g, url: \"ftp://x\"}]}", "gateways[g].url"), ("{gateways: [{id: g, url: \"https://x/path\"}]}", "gateways[g].url"),
        ("{gateways: [{id: g, url: \"https://a\"}, {id: g, url: \"https://b\"}]}", "distinct id"),
        ("{oidcRedirectURI: \"https://d.example/v1/oidc/callback\"}", "oidcRedirectURI"), ("{listn: \"127.0.0.1:1\"}", "listn"),
    ])
    func badSettingsAreRefused(with: String, expected: String) async throws {
        do {
            let role = try Role(yaml: "role: t\nplugins: [{use: dashboard, with: \(with)}]", registry: Self.registry, node: "check",
                                baseDirectory: Self.packageRoot, environment: [:])
            _ = try await role.check()
            Issue.record("\(with) was accepted")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
