import ArgumentParser
import Foundation

/// `tether logout`: forgets the stored login.
public struct LogoutCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Forget the stored login.",
        discussion: "Deletes $XDG_STATE_HOME/tether/credentials.json. Session tokens already issued stay valid until they expire (minutes).")

    public init() {}

    public func run() async throws {
        try await runReportingErrors {
            let store = CredentialStore(environment: ProcessInfo.processInfo.environment)
            guard let credentials = store.load() else {
                FileHandleOutput.standardError("tether: not logged in")
                return
            }
            do {
                try store.delete()
            } catch {
                throw CLIError.failure("cannot delete \(store.file.path): \(error.localizedDescription)")
            }
            print("Logged out of \(credentials.manager ?? "the manager").")
        }
    }
}
