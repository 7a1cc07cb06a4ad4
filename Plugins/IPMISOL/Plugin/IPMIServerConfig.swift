/// One BMC in the `servers:` list.
///
/// The password is never written inline in a committed manifest: either `passwordFile`
/// (read by the plugin when it first talks to the BMC, so `tether check` and `init` do no
/// I/O) or `password` holding a `${ENV}` / `file:` reference that the kernel resolves.
public struct IPMIServerConfig: Codable, Sendable, Equatable {
    /// The server's name (`lab-01`), unique across the installation.
    public var name = ""
    /// BMC host name or IP address.
    public var host = ""
    /// RMCP port.
    public var port = 623
    public var username = ""
    /// Resolved by the kernel from `${ENV}` or `file:`; empty when `passwordFile` is used.
    public var password = ""
    /// A file holding the password (one trailing newline ignored), relative to the manifest.
    public var passwordFile = ""
    /// `administrator`, `operator` or `user`.
    public var privilege = "administrator"
    /// `strongest` (17, else 3), `allow-insecure` (17, 3, 2, 1, 0) or `only-N`.
    public var cipherSuitePolicy = "strongest"
    /// How long one BMC answer may take, retransmissions included.
    public var timeoutSeconds = 4.0
    /// Idle time after which the session is kept alive (and an open console's ownership of
    /// the SOL payload is checked).
    public var keepaliveSeconds = 10.0

    public init() {}

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = IPMIServerConfig()
        name = try values.decodeIfPresent(String.self, forKey: .name) ?? defaults.name
        host = try values.decodeIfPresent(String.self, forKey: .host) ?? defaults.host
        port = try values.decodeIfPresent(Int.self, forKey: .port) ?? defaults.port
        username = try values.decodeIfPresent(String.self, forKey: .username) ?? defaults.username
        password = try values.decodeIfPresent(String.self, forKey: .password) ?? defaults.password
        passwordFile = try values.decodeIfPresent(String.self, forKey: .passwordFile) ?? defaults.passwordFile
        privilege = try values.decodeIfPresent(String.self, forKey: .privilege) ?? defaults.privilege
        cipherSuitePolicy = try values.decodeIfPresent(String.self, forKey: .cipherSuitePolicy) ?? defaults.cipherSuitePolicy
        timeoutSeconds = try values.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? defaults.timeoutSeconds
        keepaliveSeconds = try values.decodeIfPresent(Double.self, forKey: .keepaliveSeconds) ?? defaults.keepaliveSeconds
    }
}
