import Kernel

extension VNCWSPlugin {
    /// The servers whose BMC VNC servers this agent reaches over WebSocket, and session limits.
    public struct Config: PluginConfig {
        /// One entry per server: `{name, url, password | passwordFile}`.
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

    /// One server's BMC VNC-over-WebSocket endpoint.
    public struct Server: Codable, Sendable {
        /// The server's name, as `GraphicalConsole.Attach.server` gives it.
        public var name: String
        /// `ws://host:port/path` or `wss://host:port/path`.
        public var url: String
        /// The VNC password, as a reference: `${ENV_NAME}` or `file:/path`.
        public var password: String?
        /// A file holding the VNC password, read at each attach (relative to the manifest).
        public var passwordFile: String?

        public init(name: String, url: String, password: String? = nil, passwordFile: String? = nil) {
            self.name = name
            self.url = url
            self.password = password
            self.passwordFile = passwordFile
        }
    }
}
