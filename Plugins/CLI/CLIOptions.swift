import ArgumentParser
import Foundation

/// Options every server command takes. Precedence: flag, then `TETHER_*` environment
/// variable, then the XDG config file (`$XDG_CONFIG_HOME/tether/config.json`).
public struct CLIOptions: ParsableArguments {
    @Option(help: "The gateway URL (TETHER_GATEWAY).")
    var gateway: String?

    @Option(help: "A session token for the server (TETHER_TOKEN); without it the CLI asks the manager for one with your login.")
    var token: String?

    @Option(help: "The manager URL (TETHER_MANAGER); normally the one `tether login` used.")
    var manager: String?

    @Option(name: [.customShort("o"), .long], help: "Output: table, json or yaml.")
    var output: OutputFormat = .table

    public init() {}

    /// The effective settings with an explicit token (`--token` or `TETHER_TOKEN`) only;
    /// server commands use `resolved(server:)`, which also turns a login into a session token.
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ResolvedOptions {
        let file = CLIConfigFile.load(environment: environment)
        guard let gatewayText = gateway ?? environment["TETHER_GATEWAY"] ?? file.gateway, let url = URL(string: gatewayText),
            url.scheme == "http" || url.scheme == "https"
        else {
            throw CLIError.usage("no gateway: pass --gateway https://HOST:PORT, set TETHER_GATEWAY, or run `tether login`")
        }
        guard let token = token ?? environment["TETHER_TOKEN"] else {
            throw CLIError.authentication("no session token: pass --token or set TETHER_TOKEN (or run `tether login`)")
        }
        return ResolvedOptions(gateway: url, token: token, output: output)
    }
}

/// Settings after precedence was applied.
struct ResolvedOptions {
    let gateway: URL
    let token: String
    let output: OutputFormat
    /// Buys a fresh session token for the same server (nil with an explicit token).
    var renew: (@Sendable () async throws -> String)? = nil
}

/// How read commands print.
public enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case table, json, yaml
}
