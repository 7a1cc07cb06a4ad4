import Kernel

extension VNCTCPPlugin {
    /// The servers whose BMC VNC servers this agent reaches over TCP, and session limits.
    public struct Config: PluginConfig {
        /// One entry per server: `{name, host, port, password | passwordFile}`.
        public var servers: [Server] = []
        /// Simultaneous graphical sessions per server; one more is refused.
        public var maxSessionsPerServer = 2
        /// A session without user input (keys, pointer, clipboard) for this long is closed;
        /// 0 never closes it.
        public var idleTimeoutSeconds = 900.0
        /// Connecting and logging in to the BMC (and the viewer's RFB handshake) each within this.
        public var connectTimeoutSeconds = 10.0

        public init() {}
    }

    /// One server's BMC VNC server.
    public struct Server: Codable, Sendable {
        /// The server's name, as `GraphicalConsole.Attach.server` gives it.
        public var name: String
        /// The BMC's address.
        public var host: String
        /// The BMC's VNC port.
        public var port: Int
        /// The VNC password, as a reference: `${ENV_NAME}` or `file:/path`.
        public var password: String?
        /// A file holding the VNC password, read at each attach (relative to the manifest).
        public var passwordFile: String?

        public init(name: String, host: String, port: Int = 5900, password: String? = nil, passwordFile: String? = nil) {
            self.name = name
            self.host = host
            self.port = port
            self.password = password
            self.passwordFile = passwordFile
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            host = try container.decode(String.self, forKey: .host)
            port = try container.decodeIfPresent(Int.self, forKey: .port) ?? 5900
            password = try container.decodeIfPresent(String.self, forKey: .password)
            passwordFile = try container.decodeIfPresent(String.self, forKey: .passwordFile)
        }
    }
}
