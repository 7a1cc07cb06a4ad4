import ArgumentParser
import Foundation

/// `tether whoami`: the stored login (refreshed first when it is about to expire).
public struct WhoAmICommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show who you are logged in as, where, and until when.", discussion: ExitStatus.help)

    @Option(help: "The manager URL (TETHER_MANAGER); normally the one `tether login` used.")
    var manager: String?

    @Option(name: [.customShort("o"), .long], help: "Output: table, json or yaml.")
    var output: OutputFormat = .table

    public init() {}

    public func run() async throws {
        try await runReportingErrors {
            let (_, credentials) = try await LoginSession(environment: ProcessInfo.processInfo.environment, managerFlag: manager).validLogin()
            let shown = LoginIdentity(credentials)
            try OutputPrinter(format: output).print(shown) {
                [["USER", shown.user], ["SUBJECT", shown.subject ?? "-"], ["MANAGER", shown.manager], ["METHOD", shown.method],
                 ["EXPIRES", shown.expiresAt]]
            }
        }
    }
}
