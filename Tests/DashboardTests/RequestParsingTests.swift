import Foundation
import HTTPTypes
import Testing

@testable import Dashboard

@Suite struct RequestParsingTests {
    @Test func theSessionCookieIsFoundAndSetStrictly() {
        let headers: HTTPFields = [.cookie: "tether_session=viewer; tether_dashboard=abc123; other=1"]
        #expect(SessionCookie.value(SessionCookie.session, in: headers) == "abc123")
        #expect(SessionCookie.value(SessionCookie.session, in: [:]) == nil)
        let now = Date(timeIntervalSince1970: 0)
        let set = SessionCookie.set(SessionCookie.session, "abc", expiresAt: now.addingTimeInterval(900), now: now)
        #expect(set == "tether_dashboard=abc; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=Strict")
        #expect(SessionCookie.clear(SessionCookie.session).contains("Max-Age=0"))
    }

    @Test func writesNeedTheDashboardsOwnOrigin() throws {
        try RequestGuard.requireSameOrigin([.origin: "http://127.0.0.1:8082"], authority: "127.0.0.1:8082")
        try RequestGuard.requireSameOrigin([.origin: "https://dash.example"], authority: "dash.example")
        for origin in ["http://evil.example", "null", ""] {
            #expect(throws: DashboardRefusal.self) { try RequestGuard.requireSameOrigin([.origin: origin], authority: "127.0.0.1:8082") }
        }
        #expect(throws: DashboardRefusal.self) { try RequestGuard.requireSameOrigin([:], authority: "127.0.0.1:8082") }
    }

    @Test func consoleLinksRefuseCrossSiteNavigations() throws {
        let name = try #require(HTTPField.Name("Sec-Fetch-Site"))
        try RequestGuard.requireSameSiteNavigation([:])
        try RequestGuard.requireSameSiteNavigation([name: "same-origin"])
        try RequestGuard.requireSameSiteNavigation([name: "none"])
        #expect(throws: DashboardRefusal.self) { try RequestGuard.requireSameSiteNavigation([name: "cross-site"]) }
        #expect(throws: DashboardRefusal.self) { try RequestGuard.requireSameSiteNavigation([name: "same-site"]) }
    }

    @Test func formsDecodeLikeBrowsersSendThem() {
        let form = FormBody.parse("username=tina+admin&password=p%26ss%3D1&username=second&empty=&=x")
        #expect(form == ["username": "tina admin", "password": "p&ss=1", "empty": ""])
    }

    @Test func theGatewaysAnswerGivesTheViewerURL() throws {
        let ok = Data(#"{"id":"s","viewerURL":"http://127.0.0.1:8081/view/s?code=c"}"#.utf8)
        #expect(try ConsoleLauncher.viewerURL(status: 201, body: ok, gatewayURL: "http://g") == "http://127.0.0.1:8081/view/s?code=c")
        let refused = Data(#"{"error":{"code":"too-many-sessions","message":"at most 8 sessions"}}"#.utf8)
        #expect(throws: DashboardRefusal.self) { try ConsoleLauncher.viewerURL(status: 429, body: refused, gatewayURL: "http://g") }
        do {
            _ = try ConsoleLauncher.viewerURL(status: 429, body: refused, gatewayURL: "http://g")
        } catch let refusal as DashboardRefusal {
            #expect(refusal.message.contains("at most 8 sessions") && refusal.status == .badGateway)
        }
        let script = Data(#"{"viewerURL":"javascript:alert(1)"}"#.utf8)
        #expect(throws: DashboardRefusal.self) { try ConsoleLauncher.viewerURL(status: 201, body: script, gatewayURL: "http://g") }
    }

    @Test func auditPagesAskForOneMoreToKnowWhetherOlderExist() throws {
        let page = try AuditPage(query: "100", size: 2)
        #expect(page.before == 100 && page.limit == 3)
        #expect(throws: DashboardRefusal.self) { try AuditPage(query: "-1", size: 2) }
        #expect(throws: DashboardRefusal.self) { try AuditPage(query: "x", size: 2) }
        let events = [99, 98, 97].map { AuditFixtures.event(id: $0) }
        #expect(page.split(events).older == 98 && page.split(events).shown.count == 2)
        #expect(page.split(Array(events.prefix(2))).older == nil)
    }
}
