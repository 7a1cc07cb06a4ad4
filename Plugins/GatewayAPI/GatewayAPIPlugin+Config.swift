import Kernel

extension GatewayAPIPlugin {
    /// The settings of `gateway-api`; every key has a default.
    public struct Config: PluginConfig {
        /// Where to serve HTTPS (or HTTP without a certificate): `host:port`, port 0 picks one.
        public var listen: HostPort = "127.0.0.1:8443"
        /// PEM certificate chain; with `privateKeyFile` it turns TLS on. Relative to the manifest.
        public var certificateFile: String?
        /// PEM private key of `certificateFile`.
        public var privateKeyFile: String?
        /// Exact browser origins (`https://console.example.com`) whose pages may call the API.
        /// A request carrying any other `Origin` is refused; one without `Origin` (a CLI) must
        /// bring a bearer token.
        public var allowedOrigins: [String] = []
        /// The largest request body accepted.
        public var maxBodyBytes = 65_536
        /// How long one request may wait for the auth plugin, routing and the agent.
        public var requestTimeoutSeconds = 15
        /// The largest WebSocket frame received or sent.
        public var maxWebSocketFrameBytes = 1_048_576
        /// A console with no traffic either way for this long is closed.
        public var sessionIdleTimeoutSeconds = 900
        /// How many consoles may be open on one server at once (through this gateway).
        public var maxConsoleSessionsPerServer = 8
        /// Where to serve the gRPC API (`tether.v1.Gateway`, HTTP/2): an IP literal and port,
        /// port 0 picks one; none (the default): no gRPC. TLS with `certificateFile` and
        /// `privateKeyFile` when they are set.
        public var grpcListen: HostPort?

        public init() {}
    }
}
