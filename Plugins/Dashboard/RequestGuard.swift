import HTTPTypes
import Hummingbird

/// Cross-site request checks. The session cookie is `SameSite=Strict` already; these make
/// a forged request fail even in a browser that ignores SameSite.
enum RequestGuard {
    /// A state-changing request (POST) must carry this dashboard's own `Origin`.
    static func requireSameOrigin(_ headers: HTTPFields, authority: String?) throws {
        let origin = headers[.origin] ?? ""
        let host = authority ?? ""
        guard !host.isEmpty, origin == "http://\(host)" || origin == "https://\(host)" else {
            throw DashboardRefusal.forbidden("changes are accepted only from the dashboard's own pages (Origin \(origin.prefix(100)))")
        }
    }

    /// A navigation that starts something (a console link) must not come from another site:
    /// `Sec-Fetch-Site` absent (an old browser; the Strict cookie still protects), `same-origin` or `none` (typed or bookmarked).
    static func requireSameSiteNavigation(_ headers: HTTPFields) throws {
        guard let name = HTTPField.Name("Sec-Fetch-Site"), let site = headers[name] else { return }
        guard site == "same-origin" || site == "none" else {
            throw DashboardRefusal.forbidden("console links work only from the dashboard's own pages (Sec-Fetch-Site: \(site.prefix(40)))")
        }
    }
}
