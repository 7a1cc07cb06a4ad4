import Auth
import Foundation
import WebUI

extension DashboardPages {
    /// What the manager's inventory answered for one list: the rows, or why there are none.
    enum Listing<Row: Sendable>: Sendable {
        case rows([Row])
        case unavailable(String)
    }

    /// Gateways (superadmins only) and agents, online state, last report, version.
    static func infrastructure(gateways: Listing<Manager.GatewayView>, agents: Listing<Manager.AgentView>, user: SignedInUser, now: Date) -> String {
        let gatewaySection: String
        switch gateways {
        case .unavailable(let why): gatewaySection = "<p class=\"notice\" id=\"gateways-unavailable\">\(HTML.escape(why))</p>"
        case .rows(let rows) where rows.isEmpty: gatewaySection = "<p id=\"no-gateways\">No gateway has reported yet.</p>"
        case .rows(let rows):
            let body = rows.map { gateway in
                """
                <tr data-gateway="\(HTML.escape(gateway.id))" data-status="\(gateway.online ? "online" : "offline")"><td class="id">\(HTML.escape(gateway.id))</td>\
                <td>\(HTML.escape(gateway.url ?? "–"))</td><td>\(status(gateway.online))</td><td>\(time(gateway.lastSeen, now: now))</td>\
                <td>\(gateway.agents)</td><td>\(gateway.servers)</td></tr>
                """
            }
            gatewaySection = """
                <table id="gateways"><thead><tr><th>Gateway</th><th>URL</th><th>Status</th><th>Last report</th><th>Agents</th><th>Servers</th></tr></thead>
                <tbody>\(body.joined(separator: "\n"))</tbody></table>
                """
        }
        let agentSection: String
        switch agents {
        case .unavailable(let why): agentSection = "<p class=\"notice\" id=\"agents-unavailable\">\(HTML.escape(why))</p>"
        case .rows(let rows) where rows.isEmpty: agentSection = "<p id=\"no-agents\">No agent has been reported yet.</p>"
        case .rows(let rows):
            let body = rows.map { agent in
                """
                <tr data-agent="\(HTML.escape(agent.node))" data-status="\(agent.online ? "online" : "offline")"><td class="id">\(HTML.escape(agent.node))</td>\
                <td>\(HTML.escape(agent.gateway ?? "–"))</td><td>\(HTML.escape(agent.version ?? "unknown"))</td><td>\(status(agent.online))</td>\
                <td>\(time(agent.lastSeen, now: now))</td><td>\(HTML.escape(agent.servers.joined(separator: ", ")))</td></tr>
                """
            }
            agentSection = """
                <table id="agents"><thead><tr><th>Agent</th><th>Gateway</th><th>Version</th><th>Status</th><th>Last seen</th><th>Servers</th></tr></thead>
                <tbody>\(body.joined(separator: "\n"))</tbody></table>
                """
        }
        let main = """
            <section class="wide"><h2>Gateways</h2>\(gatewaySection)</section>
            <section class="wide"><h2>Agents</h2>\(agentSection)</section>
            """
        return frame(title: "Gateways and agents", page: "infrastructure", user: user, main: main)
    }
}
