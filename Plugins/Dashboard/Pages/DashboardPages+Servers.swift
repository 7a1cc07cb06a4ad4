import Auth
import Foundation
import WebUI

extension DashboardPages {
    /// Servers across the caller's tenants (the manager decides which), with the filters
    /// and a console link per server whose token may open one.
    static func servers(_ all: [Manager.ServerView], filter: ServerFilter, user: SignedInUser, now: Date) -> String {
        let shown = filter.apply(to: all)
        let options = ServerFilter.Options(all)
        func select(_ name: String, _ label: String, _ values: [(String, String)], _ selected: String?) -> String {
            let items = ([("", "all")] + values).map { value, text in
                "<option value=\"\(HTML.escape(value))\"\(value == (selected ?? "") ? " selected" : "")>\(HTML.escape(text))</option>"
            }
            return "<label>\(label) <select name=\"\(name)\" id=\"filter-\(name)\">\(items.joined())</select></label>"
        }
        let tenants = options.tenants.map { ($0, $0 == ServerFilter.unassigned ? "(unassigned)" : $0) }
        let form = """
            <form method="get" action="/servers" class="filters" id="filters">
            \(select("tenant", "Tenant", tenants, filter.tenant))
            \(select("gateway", "Gateway", options.gateways.map { ($0, $0) }, filter.gateway))
            \(select("status", "Status", ServerFilter.Status.allCases.map { ($0.rawValue, $0.rawValue) }, filter.status?.rawValue))
            <button type="submit">Filter</button></form>
            """
        let rows = shown.map { server in
            let console = consoleLinks(server)
            return """
                <tr data-server="\(HTML.escape(server.id))" data-status="\(ServerFilter.Status(server.online).rawValue)">\
                <td class="id">\(HTML.escape(server.id))</td><td>\(HTML.escape(server.tenant ?? "(unassigned)"))</td>\
                <td>\(HTML.escape(server.gateway ?? "–"))</td><td>\(HTML.escape(server.agent ?? "–"))</td>\
                <td>\(status(server.online))</td><td>\(time(server.lastSeen, now: now))</td><td class="console">\(console)</td></tr>
                """
        }
        let table =
            shown.isEmpty
            ? "<p id=\"no-servers\">No servers\(filter.isEmpty ? "" : " match the filter").</p>"
            : """
            <table id="servers"><thead><tr><th>Server</th><th>Tenant</th><th>Gateway</th><th>Agent</th><th>Status</th><th>Last seen</th><th>Console</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
        let main = """
            <section class="wide"><h2>Servers <span class="count" id="server-count">\(shown.count) of \(all.count)</span></h2>\(form)\(table)</section>
            """
        return frame(title: "Servers", page: "servers", user: user, main: main)
    }

    /// "Serial" and "Graphical" links, each as far as the caller's actions allow.
    static func consoleLinks(_ server: Manager.ServerView) -> String {
        guard server.gateway != nil else { return "<span class=\"muted\">no gateway</span>" }
        let base = "/servers/\(HTML.escape(percentEncoded(server.id)))/console"
        var links: [String] = []
        if server.actions.contains(.console) { links.append("<a href=\"\(base)?type=serial\" data-console=\"serial\">Serial</a>") }
        if server.actions.contains(.vnc) { links.append("<a href=\"\(base)?type=vnc\" data-console=\"vnc\">Graphical</a>") }
        return links.isEmpty ? "<span class=\"muted\">not allowed</span>" : links.joined(separator: " ")
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? text
    }
}
