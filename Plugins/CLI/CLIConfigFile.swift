import Foundation

/// `$XDG_CONFIG_HOME/tether/config.json` (default `~/.config/tether/config.json`).
struct CLIConfigFile: Codable {
    /// The gateway to use when neither a flag, `TETHER_GATEWAY` nor the manager names one.
    var gateway: String?
    var manager: String?
    /// Gateway ID (a session token's audience) to URL, for managers that do not know the URLs.
    var gateways: [String: String]?
    /// A PEM file of a private CA to trust besides the system's (`TETHER_CA_FILE` wins).
    var caFile: String?

    static func path(environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("tether/config.json")
    }

    static func load(environment: [String: String]) -> CLIConfigFile {
        guard let data = FileManager.default.contents(atPath: path(environment: environment).path),
            let file = try? JSONDecoder().decode(CLIConfigFile.self, from: data)
        else { return CLIConfigFile() }
        return file
    }
}
