import Kernel

extension WebUIPlugin {
    /// The settings of `webui`; every key has a default.
    public struct Config: PluginConfig {
        /// Where to serve the pages (plain HTTP: put TLS in front, as for the gateway).
        public var listen: HostPort = "127.0.0.1:8081"
        /// The gateway API the pages' WebSockets go to (`gateway-api`'s public URL). Its
        /// `allowedOrigins` must list this page's origin.
        public var gatewayURL = "http://127.0.0.1:8443"
        /// The xterm.js browser bundle (`xterm.bundle.js`, `xterm.css`) that `Scripts/setup`
        /// builds from Debian's node-xterm.
        public var xtermPath = "/var/cache/tether-lab/xterm"
        /// Debian's `novnc` package (`core/rfb.js` and what it imports).
        public var noVNCPath = "/usr/share/novnc"
        /// How long a page waits for the session plugin and the server's BMC.
        public var requestTimeoutSeconds = 15

        public init() {}
    }
}

extension WebUIPlugin.Config {
    /// - Throws: ``WebUIError`` naming the key.
    func validated() throws -> Self {
        var copy = self
        while copy.gatewayURL.hasSuffix("/") { copy.gatewayURL.removeLast() }
        guard Self.isOrigin(copy.gatewayURL) else {
            throw WebUIError(message: "gatewayURL must be http(s)://host[:port] without a path, not \(gatewayURL)")
        }
        guard (1...300).contains(requestTimeoutSeconds) else {
            throw WebUIError(message: "requestTimeoutSeconds must be 1...300, not \(requestTimeoutSeconds)")
        }
        guard !xtermPath.isEmpty, !noVNCPath.isEmpty else { throw WebUIError(message: "xtermPath and noVNCPath must not be empty") }
        return copy
    }

    /// `ws://` or `wss://` and the gateway's host: where the pages' WebSockets connect.
    var gatewayWebSocketURL: String {
        gatewayURL.lowercased().hasPrefix("https://") ? "wss://" + gatewayURL.dropFirst(8) : "ws://" + gatewayURL.dropFirst(7)
    }

    static func isOrigin(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        return !rest.isEmpty && !rest.contains { "/?#@ ,\"'".contains($0) }
    }
}
