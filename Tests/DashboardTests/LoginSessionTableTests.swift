import Foundation
import Testing

@testable import Dashboard

@Suite struct LoginSessionTableTests {
    static let user = SignedInUser(name: "tina", superadmin: false, adminTenants: ["lab"])
    static let start = Date(timeIntervalSince1970: 1_000_000)

    static func session(_ id: String, expiresIn seconds: TimeInterval, createdAt: Date = start) -> LoginSession {
        LoginSession(id: id, loginToken: "token-\(id)", expiresAt: createdAt.addingTimeInterval(seconds), user: user, createdAt: createdAt, renewedAt: createdAt)
    }

    @Test func aSessionLivesUntilItsLoginExpires() {
        var table = LoginSessionTable(capacity: 10)
        table.add(Self.session("a", expiresIn: 900), now: Self.start)
        #expect(table.session("a", now: Self.start.addingTimeInterval(899))?.loginToken == "token-a")
        #expect(table.session("a", now: Self.start.addingTimeInterval(900)) == nil)
        #expect(table.sessions.isEmpty, "an expired session is forgotten")
        #expect(table.session("unknown", now: Self.start) == nil)
    }

    @Test func logoutRemovesAndRenewalExtends() {
        var table = LoginSessionTable(capacity: 10)
        table.add(Self.session("a", expiresIn: 900), now: Self.start)
        table.add(Self.session("b", expiresIn: 900), now: Self.start)
        table.renew("a", loginToken: "fresh", expiresAt: Self.start.addingTimeInterval(1800), now: Self.start.addingTimeInterval(500))
        #expect(table.session("a", now: Self.start.addingTimeInterval(1000))?.loginToken == "fresh")
        table.remove("b")
        #expect(table.session("b", now: Self.start) == nil)
    }

    @Test func beyondTheCapacityTheOldestGoes() {
        var table = LoginSessionTable(capacity: 2)
        table.add(Self.session("a", expiresIn: 900, createdAt: Self.start), now: Self.start)
        table.add(Self.session("b", expiresIn: 900, createdAt: Self.start.addingTimeInterval(1)), now: Self.start)
        table.add(Self.session("c", expiresIn: 900, createdAt: Self.start.addingTimeInterval(2)), now: Self.start.addingTimeInterval(2))
        #expect(Set(table.sessions.keys) == ["b", "c"])
    }

    @Test func refreshIsDueAfterHalfTheLifetime() {
        let session = Self.session("a", expiresIn: 900)
        #expect(!session.needsRefresh(now: Self.start.addingTimeInterval(449)))
        #expect(session.needsRefresh(now: Self.start.addingTimeInterval(450)))
    }

    @Test func sessionIDsAreLongRandomAndURLSafe() {
        let ids = (0..<200).map { _ in RandomID.make() }
        #expect(Set(ids).count == 200)
        #expect(ids.allSatisfy { $0.count == 43 && RandomID.isPlausible($0) })
        #expect(!RandomID.isPlausible("short") && !RandomID.isPlausible(String(repeating: "a", count: 20) + ";x"))
    }
}
