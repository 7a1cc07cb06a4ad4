import Foundation
import Kernel
import KernelTesting
import Testing

@testable import Redfish

/// The plugin's settings through the real manifest decoder; `init` validates without I/O.
@Suite struct ConfigTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `sample.yaml` in the plugin folder (Plugins/Redfish in the repository, Sources/Redfish in the dev package).
    static var sample: URL {
        let root = folder.deletingLastPathComponent().deletingLastPathComponent()
        let candidates = ["Plugins/Redfish/sample.yaml", "Sources/Redfish/sample.yaml"].map { root.appendingPathComponent($0) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    func role(_ with: String, environment: [String: String] = [:]) throws -> Role {
        try Role(
            yaml: RedfishNode.manifest(with), registry: PluginRegistry([RedfishPlugin.self]), node: "t", baseDirectory: Self.folder,
            environment: environment)
    }

    func refusal(_ with: String, environment: [String: String] = [:]) async -> String {
        do {
            _ = try await role(with, environment: environment).check()
            return ""
        } catch {
            return String(describing: error)
        }
    }

    @Test func sampleLoadsThroughTheManifestDecoderAndBuildsWithoutIO() async throws {
        let role = try Role(contentsOf: Self.sample, registry: PluginRegistry([RedfishPlugin.self]), node: "sample")
        _ = try await role.check()
    }

    @Test func defaultsAndSecretReferences() async throws {
        let role = try role(
            "{servers: [{name: a, url: 'https://bmc-a', username: root, password: '${BMC_A_PASSWORD}'}]}", environment: ["BMC_A_PASSWORD": "from-env"])
        _ = try await role.check()
        let defaults = RedfishPlugin.Config()
        #expect(defaults.requestTimeoutSeconds == 10 && defaults.powerWaitSeconds == 30 && defaults.capabilityCacheSeconds == 300)
        #expect(defaults.servers.isEmpty)
        let missing = await refusal("{servers: [{name: a, url: 'https://bmc-a', username: root, password: '${NOT_SET_ANYWHERE}'}]}")
        #expect(missing.contains("NOT_SET_ANYWHERE"))
    }

    @Test(arguments: [
        ("{servers: [{name: a, url: 'http://bmc', username: u, password: p}]}", "servers[0] (a).url: http:// is not allowed"),
        ("{servers: [{name: a, url: 'https://u:p@bmc', username: u, password: p}]}", "credentials in the URL are not allowed"),
        ("{servers: [{name: a, url: 'https://bmc', username: u, password: p, certificateFile: /x.pem, insecureSkipVerify: true}]}", "not both"),
        ("{servers: [{name: a, url: 'https://bmc', username: u, password: p}, {name: a, url: 'https://bmc2', username: u, password: p}]}", "used twice"),
        ("{servers: [{name: a, url: 'https://bmc', username: u, password: ''}]}", "password is empty"),
        ("{servers: [{name: a, url: 'https://bmc', username: u, password: p, sytemId: x}]}", "sytemId: unknown key"),
        ("{servers: [{name: a, url: 'https://bmc', password: p}]}", "username"),
        ("{requestTimeoutSeconds: 0}", "requestTimeoutSeconds must be 1...300"),
    ])
    func badSettingsAreRefusedWithTheirPath(with: String, expected: String) async {
        let refusal = await refusal(with)
        #expect(refusal.contains(expected), "\(refusal)")
    }

    @Test func serverSettingsNeverPrintThePassword() {
        let server = RedfishServerConfig(name: "a", url: "https://bmc", username: "root", password: "hunter2-secret")
        #expect(!"\(server)".contains("hunter2") && !String(reflecting: server).contains("hunter2"))
        #expect(!"\([server])".contains("hunter2"))
        #expect(!"\(Credentials(username: "root", password: "hunter2-secret"))".contains("hunter2"))
    }
}
