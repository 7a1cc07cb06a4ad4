import Foundation
import Storage
import WebUI

extension DashboardPages {
    /// One page of the audit log, newest first, with a link to the older records.
    static func audit(_ events: [AuditEvent], page: AuditPage, older: Int64?, user: SignedInUser) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let rows = events.map { event in
            """
            <tr data-audit="\(event.id.map(String.init) ?? "")" data-outcome="\(event.outcome.rawValue)"><td>\(event.id.map(String.init) ?? "")</td>\
            <td><time datetime="\(formatter.string(from: event.at))">\(formatter.string(from: event.at))</time></td>\
            <td>\(HTML.escape(event.actor))</td><td>\(HTML.escape(event.action))</td><td class="outcome">\(event.outcome.rawValue)</td>\
            <td>\(HTML.escape(event.tenantID ?? ""))</td><td>\(HTML.escape(event.serverID ?? ""))</td><td>\(HTML.escape(event.source ?? ""))</td>\
            <td class="detail">\(HTML.escape(event.detail))</td></tr>
            """
        }
        var pager: [String] = []
        if page.before != nil { pager.append("<a href=\"/audit\" id=\"newest\">Newest</a>") }
        if let older { pager.append("<a href=\"/audit?before=\(older)\" id=\"older\" rel=\"next\">Older</a>") }
        let table =
            events.isEmpty
            ? "<p id=\"no-audit\">No audit records\(page.before == nil ? "" : " before this one").</p>"
            : """
            <table id="audit"><thead><tr><th>#</th><th>When (UTC)</th><th>Actor</th><th>Action</th><th>Outcome</th><th>Tenant</th><th>Server</th><th>Source</th><th>Detail</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
        let main = "<section class=\"wide\"><h2>Audit log</h2>\(table)<p class=\"pager\">\(pager.joined(separator: " "))</p></section>"
        return frame(title: "Audit log", page: "audit", user: user, main: main)
    }
}
