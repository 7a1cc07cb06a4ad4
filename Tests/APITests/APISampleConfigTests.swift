import API
import Auth
import Foundation
import Kernel
import Testing

@Suite struct APISampleConfigTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func sampleLoadsAndBuildsWithoutIO() async throws {
        let candidates = ["Plugins/API/sample.yaml", "Sources/API/sample.yaml"].map { Self.packageRoot.appendingPathComponent($0) }
        let sample = try #require(candidates.first { FileManager.default.fileExists(atPath: $0.path) })
        let role = try Role(contentsOf: sample, registry: PluginRegistry([AuthPlugin.self, APIPlugin.self]), node: "sample")
        _ = try await role.check()
    }

    @Test func refusesAnOutOfRangeBodyLimit() async throws {
        let role = try Role(
            yaml: "role: t\nplugins: [{use: api, with: {maxBodyBytes: 10}}]", registry: PluginRegistry([APIPlugin.self]), node: "t",
            baseDirectory: URL(fileURLWithPath: "/tmp"))
        await #expect(throws: ManifestError.self) { try await role.check() }
    }
}
