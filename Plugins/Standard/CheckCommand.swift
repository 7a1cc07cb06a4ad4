import ArgumentParser
import Foundation
import Kernel

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate manifests without starting anything.",
        discussion: "Parses each manifest strictly and builds every plugin (no I/O). Exit code 2 on the first invalid file.")

    @Argument(help: "Manifests to check.")
    var manifests: [String]

    func run() async throws {
        let registry = try PluginRegistry(standardPlugins)
        var failed = false
        for path in manifests {
            do {
                let role = try Role(contentsOf: URL(fileURLWithPath: path), registry: registry)
                let topics = try await role.check()
                print("\(path): ok (role \(role.manifest.role), \(role.instances.count) plugins, \(topics.flatMap(\.topics).count) topics)")
            } catch {
                FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
