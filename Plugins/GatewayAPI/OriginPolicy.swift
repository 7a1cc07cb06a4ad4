/// Which browser origins may use the gateway. Browsers always send `Origin` on WebSocket
/// handshakes and cross-site requests, so a foreign page cannot ride a user's cookie.
///
/// Only `http(s)` origins (and `null`) come from browsers: a page's origin is never `ws:` or
/// `wss:`. WebSocket libraries that put `ws://host` in `Origin` are therefore treated like
/// clients without `Origin`: they must bring a bearer token.
struct OriginPolicy: Sendable {
    /// What the `Origin` headers of a request say about its sender.
    enum Sender: Equatable {
        /// No browser origin: a CLI or a library. A bearer token is required.
        case nonBrowser
        /// A page on an allowed origin.
        case allowedPage
        /// A page on an origin not in `allowedOrigins`.
        case foreignPage(String)
    }

    /// Lower-cased exact origins.
    let allowed: Set<String>

    init(allowedOrigins: [String]) {
        allowed = Set(allowedOrigins.map { $0.lowercased() })
    }

    /// Judges every origin a request names (several headers, or one with a list).
    func classify(_ headerValues: [String]) -> Sender {
        let origins = headerValues.flatMap { $0.split { $0 == "," || $0 == " " } }.map { $0.lowercased() }
        let pages = origins.filter { !$0.hasPrefix("ws://") && !$0.hasPrefix("wss://") }
        guard !pages.isEmpty else { return .nonBrowser }
        if let foreign = pages.first(where: { !admits($0) }) { return .foreignPage(foreign) }
        return .allowedPage
    }

    /// Whether a page on `origin` may call the gateway.
    func admits(_ origin: String) -> Bool {
        allowed.contains(origin.lowercased())
    }

    /// `scheme://host[:port]`: an http(s) scheme, a host, no path, query or trailing slash.
    static func isWellFormed(_ origin: String) -> Bool {
        let lower = origin.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        return !rest.isEmpty && !rest.contains { "/?#@ ,".contains($0) }
    }
}
