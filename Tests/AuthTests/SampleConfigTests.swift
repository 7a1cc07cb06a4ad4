import Auth
import Foundation
import Kernel
import Testing

/// The plugin folders' `sample.yaml` load through the real manifest decoder and build without I/O.
@Suite struct SampleConfigTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Plugins/<Module>/sample.yaml` in the repository, `Sources/<Module>/sample.yaml` in the dev package.
    static func sample(_ module: String) throws -> URL {
        let candidates = ["Plugins/\(module)/sample.yaml", "Sources/\(module)/sample.yaml"].map { packageRoot.appendingPathComponent($0) }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw SampleMissing(module: module)
        }
        return found
    }

    @Test(arguments: ["Auth", "Storage"])
    func sampleLoadsAndBuildsWithoutIO(module: String) async throws {
        let role = try Role(contentsOf: try Self.sample(module), registry: PluginRegistry([AuthPlugin.self]), node: "sample")
        let topics = try await role.check().flatMap(\.topics).map(\.rawValue)
        #expect(topics.contains("auth.verify") && topics.contains("manager.login"))
    }

    @Test func unknownKeysAndBadValuesAreRefusedWithTheirPath() async throws {
        let registry = try PluginRegistry([AuthPlugin.self])
        for (with, fragment) in [
            ("{storeage: 'sqlite:x'}", "storeage"),
            ("{storage: 'mysql://x'}", "storage"),
            ("{passwordCost: 4}", "logN"),
            ("{oidc: {issuer: 'https://idp', clientID: c, groupRoles: [{group: g, tenant: t, role: owner}]}}", "role"),
            ("{sessionLifetimeSeconds: 5}", "sessionLifetimeSeconds"),
        ] {
            let error = await #expect(throws: ManifestError.self, "\(with)") {
                try await Role(yaml: "role: t\nplugins: [{use: auth, with: \(with)}]", registry: registry, node: "t", baseDirectory: URL(fileURLWithPath: "/tmp"))
                    .check()
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains(fragment), "\(with): \(error.map { "\($0)" } ?? "")")
        }
    }

    struct SampleMissing: Error, CustomStringConvertible {
        let module: String
        var description: String { "no sample.yaml for \(module) under Plugins/ or Sources/" }
    }
}
