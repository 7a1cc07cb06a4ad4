import Foundation
import Kernel

extension DashboardPlugin {
    /// The settings of `dashboard`; every key has a default.
    public struct Config: PluginConfig {
        /// Where to serve the pages (plain HTTP: put TLS in front; the cookie is `Secure`).
        public var listen: HostPort = "127.0.0.1:8082"
        /// Each gateway's public API URL, for the console links; a server whose gateway is
        /// not listed falls back to the URL the manager knows for it, else has no link.
        public var gateways: [GatewayLink] = []
        /// PEM file of the CA(s) of the gateways' HTTPS certificates (relative to the
        /// manifest); empty: the system's trust store.
        public var gatewayTrustRoots = ""
        /// The dashboard's OIDC callback (`https://dashboard.example/oidc/callback`); it must
        /// equal `auth`'s `oidc.redirectURI`. Empty: no "Sign in with SSO" link.
        public var oidcRedirectURI = ""
        /// How long a page waits for the manager or a gateway.
        public var requestTimeoutSeconds = 15
        /// Audit records per page.
        public var auditPageSize = 50
        /// Most signed-in browsers at once; the oldest is signed out beyond it.
        public var maxSessions = 1000

        public init() {}
    }
}

extension DashboardPlugin.Config {
    /// - Throws: ``DashboardError`` naming the key.
    func validated() throws -> Self {
        var copy = self
        guard (1...300).contains(requestTimeoutSeconds) else {
            throw DashboardError(message: "requestTimeoutSeconds must be 1...300, not \(requestTimeoutSeconds)")
        }
        guard (1...500).contains(auditPageSize) else { throw DashboardError(message: "auditPageSize must be 1...500, not \(auditPageSize)") }
        guard (1...100_000).contains(maxSessions) else { throw DashboardError(message: "maxSessions must be 1...100000, not \(maxSessions)") }
        var seen = Set<String>()
        copy.gateways = try gateways.map { gateway in
            var gateway = gateway
            while gateway.url.hasSuffix("/") { gateway.url.removeLast() }
            guard !gateway.id.isEmpty, seen.insert(gateway.id).inserted else {
                throw DashboardError(message: "gateways: every entry needs a distinct id (\"\(gateway.id)\")")
            }
            guard Self.isOrigin(gateway.url) else {
                throw DashboardError(message: "gateways[\(gateway.id)].url must be http(s)://host[:port] without a path, not \(gateway.url)")
            }
            return gateway
        }
        if !oidcRedirectURI.isEmpty {
            guard let url = URL(string: oidcRedirectURI), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
                  url.path == "/oidc/callback"
            else {
                throw DashboardError(message: "oidcRedirectURI must be http(s)://HOST[:PORT]/oidc/callback (this dashboard's callback), not \(oidcRedirectURI)")
            }
        }
        return copy
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
