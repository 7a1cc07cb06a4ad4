import Kernel

extension SessionPlugin {
    /// The settings of `session`; every key has a default.
    public struct Config: PluginConfig {
        /// The public base URL of the web console (`webui`); viewer links are
        /// `viewerURL/view/{id}?code=...`.
        public var viewerURL = "http://127.0.0.1:8081"
        /// How long a viewer code may wait to be redeemed (it works once).
        public var codeLifetimeSeconds = 60
        /// A session not used (resolved or refreshed) for this long ends: the idle lease.
        public var leaseSeconds = 120
        /// No session lives longer than this, however often it is renewed.
        public var maxLifetimeSeconds = 43_200
        /// Live sessions per server on this gateway; more are refused.
        public var maxSessionsPerServer = 8
        /// How long the token check (`auth.verify`) may take.
        public var requestTimeoutSeconds = 10

        public init() {}
    }
}

extension SessionPlugin.Config {
    /// - Throws: ``SessionConfigError`` naming the key.
    func validated() throws -> Self {
        func positive(_ value: Int, _ key: String, max: Int) throws {
            guard value > 0, value <= max else { throw SessionConfigError(message: "\(key) must be 1...\(max), not \(value)") }
        }
        try positive(codeLifetimeSeconds, "codeLifetimeSeconds", max: 3600)
        try positive(leaseSeconds, "leaseSeconds", max: 86_400)
        try positive(maxLifetimeSeconds, "maxLifetimeSeconds", max: 604_800)
        try positive(maxSessionsPerServer, "maxSessionsPerServer", max: 10_000)
        try positive(requestTimeoutSeconds, "requestTimeoutSeconds", max: 300)
        let lower = viewerURL.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !viewerURL.contains("?"), !viewerURL.contains("#"),
              !viewerURL.contains(" ")
        else {
            throw SessionConfigError(message: "viewerURL must be an http(s) URL without query, like https://console.example.com, not \(viewerURL)")
        }
        var copy = self
        while copy.viewerURL.hasSuffix("/") { copy.viewerURL.removeLast() }
        return copy
    }
}

/// A `session` setting is out of range.
public struct SessionConfigError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "session: \(message)" }
}
