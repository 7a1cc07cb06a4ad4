import Foundation
import Kernel
import KernelTesting
import Testing

@testable import Standard

/// The repository's own files: every role manifest and every plugin sample must load.
@Suite struct ConfigsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var manifests: [String] {
        let folder = root.appendingPathComponent("Configs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static var pluginFolders: [URL] {
        let folder = root.appendingPathComponent("Plugins")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !["Standard", "Contracts", "CLI", "Protocols", "APIProto"].contains($0) }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func thereAreRoleManifests() {
        #expect(Self.manifests.contains { $0.hasSuffix("all-in-one.yaml") })
    }

    @Test(arguments: manifests) func everyRoleManifestPassesTetherCheck(path: String) async throws {
        let result = try await TetherProcess.run(["check", path])
        #expect(result.status == 0, "tether check \(path): \(result.standardError)")
    }

    @Test(arguments: pluginFolders) func everyPluginFolderHasReadmeAndSample(folder: URL) async throws {
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        for section in ["## Name", "## Description", "## Configuration", "## Topics", "## Examples"] {
            #expect(readme.contains(section), "\(folder.lastPathComponent)/README.md lacks \(section)")
        }
        let sample = folder.appendingPathComponent("sample.yaml")
        let role = try Role(contentsOf: sample, registry: PluginRegistry(standardPlugins), node: "sample")
        _ = try await role.check()
    }

    /// `CLI`, `Protocols` and `APIProto` are not role plugins (no README plugin sections) but
    /// carry a sample of the role they serve; it must load and build like a plugin's.
    @Test(arguments: ["CLI", "Protocols", "APIProto"]) func libraryFoldersHaveALoadableSample(name: String) async throws {
        let sample = Self.root.appendingPathComponent("Plugins/\(name)/sample.yaml")
        let role = try Role(contentsOf: sample, registry: PluginRegistry(standardPlugins), node: "sample")
        _ = try await role.check()
    }

    @Test func everyPluginFolderIsCompiledIn() throws {
        let ids = Set(standardPlugins.map { $0.id.rawValue })
        for folder in Self.pluginFolders {
            let sample = try String(contentsOf: folder.appendingPathComponent("sample.yaml"), encoding: .utf8)
            let uses = sample.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "use: ") else { return nil }
                return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
            #expect(!uses.isEmpty && uses.allSatisfy(ids.contains), "\(folder.lastPathComponent): \(uses) not all in standardPlugins")
        }
    }
}
