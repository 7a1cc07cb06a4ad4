import Foundation
import Hummingbird
import WebUI

/// The server-rendered pages. No inline script or style (the CSP forbids both): behaviour
/// comes from `/static/dashboard.js`, and nothing secret is ever written into a page.
enum DashboardPages {
    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        fields.append(contentsOf: headers)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The common frame: the shared web console style sheet plus the dashboard's, the top
    /// bar with the sections and who is signed in.
    static func frame(title: String, page: String, user: SignedInUser?, main: String) -> String {
        var bar = ""
        if let user {
            let links = [("servers", "/servers", "Servers"), ("infrastructure", "/gateways", "Gateways and agents"), ("audit", "/audit", "Audit log")]
            let nav = links.map { "<a href=\"\($0.1)\"\($0.0 == page ? " aria-current=\"page\"" : "")>\($0.2)</a>" }.joined(separator: " ")
            bar = """
                <nav>\(nav)</nav>
                <span class="user" id="user">\(HTML.escape(user.name)) <span class="role">(\(HTML.escape(user.roleDescription)))</span></span>
                <form method="post" action="/logout" class="logout"><button type="submit" id="logout">Sign out</button></form>
                """
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Tether dashboard</title>
            <link rel="stylesheet" href="/static/tether.css"><link rel="stylesheet" href="/static/dashboard.css">
            <script src="/static/dashboard.js" defer></script>
            </head><body data-page="\(page)">
            <header><strong class="brand">Tether</strong> <span class="server">dashboard</span> \(bar)</header>
            <main>\(main)</main>
            </body></html>
            """
    }

    static func error(title: String, message: String, user: SignedInUser?) -> String {
        frame(
            title: title, page: "error", user: user,
            main: "<section class=\"card\"><h2>\(HTML.escape(title))</h2><p id=\"message\">\(HTML.escape(message))</p></section>")
    }

    /// "12:03:04 UTC (5 s ago)"; "never" for nil.
    static func time(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let seconds = max(0, Int(now.timeIntervalSince(date).rounded()))
        let ago =
            switch seconds {
            case ..<120: "\(seconds) s ago"
            case ..<7200: "\(seconds / 60) min ago"
            case ..<172_800: "\(seconds / 3600) h ago"
            default: "\(seconds / 86400) d ago"
            }
        return "<time datetime=\"\(formatter.string(from: date))\">\(ago)</time>"
    }

    /// An online/offline/unknown badge.
    static func status(_ online: Bool?) -> String {
        let word = online.map { $0 ? "online" : "offline" } ?? "unknown"
        return "<span class=\"badge\" data-status=\"\(word)\">\(word)</span>"
    }
}
