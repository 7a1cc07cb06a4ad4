import Auth
import Foundation
import Testing

@testable import Dashboard

/// The pages are server-rendered: escaped, without inline script or style, and the servers
/// page filters and links as far as the manager's answer allows.
@Suite struct DashboardPageTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let admin = SignedInUser(name: "root", superadmin: true, adminTenants: [])

    static func server(_ id: String, tenant: String?, gateway: String?, online: Bool?, actions: [ServerAction] = [.power, .console, .vnc]) throws -> Manager.ServerView {
        var object: [String: Any] = ["id": id, "capabilities": ["ipmi"], "actions": actions.map(\.rawValue)]
        object["tenant"] = tenant
        object["gateway"] = gateway
        object["online"] = online
        return try JSONDecoder().decode(Manager.ServerView.self, from: JSONSerialization.data(withJSONObject: object))
    }

    static func servers() throws -> [Manager.ServerView] {
        [
            try server("web-01", tenant: "acme", gateway: "gw-1", online: true),
            try server("web-02", tenant: "acme", gateway: "gw-2", online: false, actions: [.view]),
            try server("db-01", tenant: nil, gateway: "gw-1", online: nil),
        ]
    }

    @Test func filtersNarrowByTenantGatewayAndStatus() throws {
        let all = try Self.servers()
        #expect(ServerFilter(tenant: "acme").apply(to: all).map(\.id) == ["web-01", "web-02"])
        #expect(ServerFilter(tenant: ServerFilter.unassigned).apply(to: all).map(\.id) == ["db-01"])
        #expect(ServerFilter(gateway: "gw-1", status: .online).apply(to: all).map(\.id) == ["web-01"])
        #expect(ServerFilter(status: .unknown).apply(to: all).map(\.id) == ["db-01"])
        #expect(try ServerFilter(query: ["tenant": "", "status": "offline"]) == ServerFilter(status: .offline))
        #expect(throws: DashboardRefusal.self) { try ServerFilter(query: ["status": "sleeping"]) }
        let options = ServerFilter.Options(all)
        #expect(options.tenants == ["-", "acme"] && options.gateways == ["gw-1", "gw-2"])
    }

    @Test func theServersPageListsFiltersAndLinksConsolesAsAllowed() throws {
        let page = DashboardPages.servers(try Self.servers(), filter: ServerFilter(tenant: "acme"), user: Self.admin, now: Self.now)
        #expect(page.contains("data-server=\"web-01\" data-status=\"online\""))
        #expect(page.contains("data-server=\"web-02\" data-status=\"offline\""))
        #expect(!page.contains("data-server=\"db-01\""), "filtered out")
        #expect(page.contains("href=\"/servers/web-01/console?type=serial\"") && page.contains("href=\"/servers/web-01/console?type=vnc\""))
        #expect(!page.contains("/servers/web-02/console"), "a viewer-only server has no console link")
        #expect(page.contains("2 of 3"))
        #expect(page.contains("<option value=\"acme\" selected>"))
        Self.expectNoInlineCode(page)
    }

    @Test func textFromTheManagerIsEscaped() throws {
        let hostile = try Self.server("<script>alert(1)</script>", tenant: "a\"b", gateway: "g", online: true)
        let page = DashboardPages.servers([hostile], filter: ServerFilter(), user: SignedInUser(name: "<b>x</b>", superadmin: true, adminTenants: []), now: Self.now)
        #expect(!page.contains("<script>alert") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<b>x</b>") && page.contains("a&quot;b"))
        #expect(page.contains("/servers/%3Cscript%3Ealert%281%29%3C%2Fscript%3E/console"))
        let audit = DashboardPages.audit([AuditFixtures.event(id: 5, detail: "<img src=x onerror=alert(1)>")], page: try AuditPage(query: nil, size: 50), older: nil, user: Self.admin)
        #expect(!audit.contains("<img") && audit.contains("&lt;img"))
    }

    @Test func theLoginPageShowsTheErrorAndSSOOnlyWhenConfigured() {
        let failed = DashboardPages.login(error: "Wrong user name or password.", username: "tina", sso: false)
        #expect(failed.contains("id=\"login-error\"") && failed.contains("Wrong user name or password.") && failed.contains("value=\"tina\""))
        #expect(!failed.contains("Sign in with SSO") && !failed.contains("Sign out"))
        #expect(DashboardPages.login(sso: true).contains("<a id=\"sso\" href=\"/login/sso\">Sign in with SSO</a>"))
        Self.expectNoInlineCode(failed)
    }

    @Test func theInfrastructurePageShowsInventoryOrWhyNot() {
        let gateway = Manager.GatewayView(id: "gw-1", url: nil, online: true, lastSeen: Self.now.addingTimeInterval(-3), agents: 1, servers: 2)
        let agent = Manager.AgentView(node: "agent-1", gateway: "gw-1", version: "0.4.0", online: false, lastSeen: Self.now.addingTimeInterval(-600), servers: ["web-01"])
        let page = DashboardPages.infrastructure(gateways: .rows([gateway]), agents: .rows([agent]), user: Self.admin, now: Self.now)
        #expect(page.contains("data-gateway=\"gw-1\" data-status=\"online\"") && page.contains("3 s ago"))
        #expect(page.contains("data-agent=\"agent-1\" data-status=\"offline\"") && page.contains("0.4.0") && page.contains("10 min ago"))
        let tenantView = DashboardPages.infrastructure(gateways: .unavailable("Not shown to you: superadmins only"), agents: .rows([]), user: Self.admin, now: Self.now)
        #expect(tenantView.contains("id=\"gateways-unavailable\"") && tenantView.contains("id=\"no-agents\""))
        Self.expectNoInlineCode(page)
    }

    @Test func theAuditPageLinksOlderRecords() throws {
        let page = DashboardPages.audit([AuditFixtures.event(id: 9), AuditFixtures.event(id: 8)], page: try AuditPage(query: "10", size: 2), older: 8, user: Self.admin)
        #expect(page.contains("href=\"/audit?before=8\"") && page.contains("href=\"/audit\" id=\"newest\""))
        #expect(page.range(of: "data-audit=\"9\"")!.lowerBound < page.range(of: "data-audit=\"8\"")!.lowerBound)
    }

    static func expectNoInlineCode(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!page.contains("<script>") && !page.contains("<style") && !page.contains(" style=") && !page.contains(" onclick"), sourceLocation: sourceLocation)
        #expect(page.components(separatedBy: "<script").count - 1 == page.components(separatedBy: "<script src=\"/static/").count - 1, sourceLocation: sourceLocation)
    }
}
