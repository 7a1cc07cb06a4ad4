import ArgumentParser
import Foundation

/// Options every server command takes. Precedence: flag, then `TETHER_*` environment
/// variable, then the XDG config file (`$XDG_CONFIG_HOME/tether/config.json`).
public struct CLIOptions: ParsableArguments {
    @Option(help: "The gateway URL (TETHER_GATEWAY).")
    var gateway: String?

    @Option(help: "A session token for the server (TETHER_TOKEN); normally obtained by `tether login`.")
    var token: String?

    @Option(name: [.customShort("o"), .long], help: "Output: table, json or yaml.")
    var output: OutputFormat = .table

    public init() {}

    /// The effective settings.
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ResolvedOptions {
        let file = CLIConfigFile.load(environment: environment)
        guard let gatewayText = gateway ?? environment["TETHER_GATEWAY"] ?? file.gateway, let url = URL(string: gatewayText),
            url.scheme == "http" || url.scheme == "https"
        else {
            throw CLIError.usage("no gateway: pass --gateway https://HOST:PORT, set TETHER_GATEWAY, or run `tether login`")
        }
        let credentials = CredentialStore(environment: environment)
        guard let token = token ?? environment["TETHER_TOKEN"] ?? credentials.load()?.token else {
            throw CLIError.authentication("not logged in: run `tether login` (or pass --token / TETHER_TOKEN)")
        }
        return ResolvedOptions(gateway: url, token: token, output: output)
    }
}

/// Settings after precedence was applied.
struct ResolvedOptions {
    let gateway: URL
    let token: String
    let output: OutputFormat
}

/// How read commands print.
public enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case table, json, yaml
}
