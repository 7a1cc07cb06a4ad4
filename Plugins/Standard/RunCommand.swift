import ArgumentParser
import Foundation
import Kernel
import Logging
import Observability

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the role a manifest describes, until SIGTERM or SIGINT.")

    @Argument(help: "The role manifest (YAML).")
    var manifest: String

    @Option(help: "This node's name; overrides the manifest's node:.")
    var node: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        MetricsRegistry.bootstrap()
        let logger = Logger(label: "tether")
        let role: Role
        do {
            role = try Role(contentsOf: URL(fileURLWithPath: manifest), registry: PluginRegistry(standardPlugins), node: node.map { NodeID($0) })
            _ = try await role.check(logger: logger)
        } catch {
            FileHandle.standardError.write(Data("tether: \(manifest): \(error)\n".utf8))
            throw ExitCode(2)
        }
        logger.info("starting role", metadata: ["role": "\(role.manifest.role)", "node": "\(role.node)", "plugins": "\(role.instances.count)"])
        do {
            try await RoleRunner(role: role, logger: logger).run()
        } catch {
            FileHandle.standardError.write(Data("tether: stopped: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
