import Kernel

extension GRPCLinkPlugin {
    /// The settings of one link. Set exactly one of `dial` and `listen`.
    public struct Config: PluginConfig {
        /// Connect out to this `host:port` (an agent to its gateway); never listens.
        public var dial: HostPort?
        /// Accept links on this `ip:port` (a gateway or a manager).
        public var listen: HostPort?
        /// PEM certificate chain: the listener's server certificate, or the dialler's client
        /// certificate when the listener asks for one.
        public var certificate: String?
        /// PEM private key of `certificate`.
        public var privateKey: String?
        /// PEM CA bundle: the dialler verifies the listener against it (instead of the system
        /// roots); a listener with `trustRoots` requires and verifies client certificates.
        public var trustRoots: String?
        /// Plaintext HTTP/2 without TLS. Only for a trusted loopback; logged loudly.
        public var insecure = false
        /// The dialler's token (write `${ENV}` or `file:`), presented with its node name.
        public var token: String?
        /// The agent's own identity (dial only): a file (mode 0600) where the agent keeps the
        /// P-256 key it makes when its `token` is an enrolment token, and the credential the
        /// manager issues for that key when the token is redeemed (once) at the first link.
        /// From then on the agent links with that credential and a signature by its key; the
        /// enrolment token is spent. Without it an enrolment token cannot be used.
        public var identityFile: String?
        /// Tokens a listener accepts from any node name (shared enrolment tokens).
        public var acceptedTokens: [String] = []
        /// A listener's file of `node: token` lines: a listed node must present its own token.
        public var tokensFile: String?
        /// A listener also admits agents the manager enrolled: a node presenting an enrolment
        /// token the manager issued for it and this gateway (`POST /v1/agents/enrolment-tokens`),
        /// which the manager redeems once for the agent's own credential
        /// (`auth.redeem-enrolment`), and a node presenting that credential with a proof by
        /// its key, checked offline by this node's `auth` plugin (`auth.verify-agent`, with
        /// the manager's keys and revocation list).
        public var acceptEnrolmentTokens = false
        /// A listener with `acceptEnrolmentTokens` checks its linked agents this often against
        /// the revocations its `auth` knows and cuts the links of revoked ones (`auth` itself
        /// refreshes the manager's list every `agentRevocationRefreshSeconds`).
        public var revocationCheckSeconds = 10.0
        /// HTTP/2 keepalive: a dead peer is detected within this time.
        public var keepaliveSeconds = 15.0
        /// The dialler's first reconnect delay; each later one doubles, with jitter.
        public var reconnectInitialMilliseconds = 200
        /// The longest reconnect delay.
        public var reconnectMaximumSeconds = 10.0
        /// How long opening a byte stream across the link may take.
        public var streamOpenTimeoutSeconds = 10.0
        /// LZ4 on byte streams (consoles, VNC) when the peer's link has it on too; each
        /// chunk that LZ4 cannot shrink is sent as is.
        public var compressStreams = false

        public init() {}
    }
}
