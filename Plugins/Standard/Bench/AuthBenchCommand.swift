import ArgumentParser
import Auth

/// `tether bench auth`: ES256 token issuance and verification per second, verification with
/// and without the verified-token cache, and scrypt password checks per second.
struct AuthBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth", abstract: "Token issuance and verification per second (with and without the verified-token cache).")

    @Option(help: "Seconds to measure each figure.")
    var seconds = 2.0

    @Option(help: "scrypt cost (log2 N) for the password check figure.")
    var passwordCost = 15

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; measure with swift build -c release")
        #endif
        for measurement in try await AuthBenchmark.run(seconds: seconds, passwordCost: passwordCost) {
            print(measurement)
        }
    }
}
