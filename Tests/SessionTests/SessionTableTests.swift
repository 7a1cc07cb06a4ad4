import Contracts
import Testing

@testable import Session

/// The session rules without a clock: codes work once and briefly, leases renew up to the
/// lifetime cap, per-server limits, and tokens must allow the console type.
@Suite struct SessionTableTests {
    static let limits = SessionLimits(codeLifetime: 60, lease: 120, maxLifetime: 1000, maxPerServer: 2)
    static let operatorPrincipal = Auth.Principal(
        subject: "alice", tenant: "t1", server: "lab-01", actions: [.console, .vnc, .power, .view], expiresAt: 10_000)

    func created(_ table: inout SessionTable, id: String = "S1", code: String = "C1", now: Int64 = 0) throws -> SessionRecord {
        try table.create(server: "lab-01", kind: .serial, token: "tok", principal: Self.operatorPrincipal, id: id, code: code, now: now)
    }

    /// Records an issue unless `body` throws (`expected`, when given).
    func refuses(
        _ table: inout SessionTable, _ expected: SessionError? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (inout SessionTable) throws -> some Any
    ) {
        do {
            _ = try body(&table)
            Issue.record("not refused", sourceLocation: sourceLocation)
        } catch {
            if let expected { #expect(error as? SessionError == expected, sourceLocation: sourceLocation) }
        }
    }

    @Test func aCodeWorksOnceForItsOwnSessionWithinItsLifetime() throws {
        var table = SessionTable(limits: Self.limits)
        _ = try created(&table)
        _ = try created(&table, id: "S2", code: "C2")
        refuses(&table) { try $0.redeem(id: "S2", code: "C1", now: 1) }  // another session's code
        refuses(&table) { try $0.redeem(id: "S1", code: "C1x", now: 1) }
        let redeemed = try table.redeem(id: "S1", code: "C1", now: 10)
        #expect(redeemed.code == nil && redeemed.expiresAt == 130)
        refuses(&table) { try $0.redeem(id: "S1", code: "C1", now: 11) }  // used
        refuses(&table) { try $0.redeem(id: "S2", code: "C2", now: 60) }  // expired at 60
    }

    @Test func theLeaseRenewsUpToTheLifetimeCapAndEndsWithoutUse() throws {
        var table = SessionTable(limits: Self.limits)
        _ = try created(&table)
        #expect(try table.renew(id: "S1", now: 100).expiresAt == 220)
        for now in stride(from: Int64(200), through: 900, by: 100) { _ = try table.renew(id: "S1", now: now) }
        #expect(try table.renew(id: "S1", now: 950).expiresAt == 1000)  // the cap
        refuses(&table) { try $0.renew(id: "S1", now: 1000) }
        _ = try created(&table, id: "S2", code: "C2", now: 2000)
        refuses(&table) { try $0.renew(id: "S2", now: 2120) }  // idle past the lease
        #expect(table.sessions.isEmpty)
    }

    @Test func endedSessionsAreGone() throws {
        var table = SessionTable(limits: Self.limits)
        _ = try created(&table)
        let first = table.end(id: "S1", now: 1)
        let second = table.end(id: "S1", now: 2)
        #expect(first && !second)
        refuses(&table, .sessionGone) { try $0.renew(id: "S1", now: 3) }
    }

    @Test func limitsAndPermissions() throws {
        var table = SessionTable(limits: Self.limits)
        _ = try created(&table)
        _ = try created(&table, id: "S2", code: "C2")
        refuses(&table, .tooManySessions(server: "lab-01", limit: 2)) { try created(&$0, id: "S3", code: "C3") }
        var other = Self.operatorPrincipal
        other.server = "lab-02"
        refuses(&table) {
            try $0.create(server: "lab-01", kind: .serial, token: "t", principal: other, id: "S4", code: "C4", now: 0)
        }
        var viewer = Self.operatorPrincipal
        viewer.server = "lab-02"
        viewer.actions = [.view]
        refuses(&table) {
            try $0.create(server: "lab-02", kind: .vnc, token: "t", principal: viewer, id: "S5", code: "C5", now: 0)
        }
        _ = try table.create(server: "lab-02", kind: .vnc, token: "t", principal: other, id: "S6", code: "C6", now: 0)
        let listed = table.list(server: "lab-01", now: 1).map(\.id)
        #expect(listed == ["S1", "S2"])
    }

    @Test func secretsAre128RandomBitsInBase64URL() {
        let secrets = (0..<200).map { _ in SessionSecret.make() }
        #expect(Set(secrets).count == 200)
        #expect(secrets.allSatisfy(SessionSecret.isWellFormed))
        #expect(SessionSecret.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(SessionSecret.base64URL(Array(repeating: 0, count: 16)) == String(repeating: "A", count: 22))
        #expect(!SessionSecret.isWellFormed("short") && !SessionSecret.isWellFormed(String(repeating: "+", count: 22)))
        #expect(SessionTable.constantTimeEqual("abc", "abc") && !SessionTable.constantTimeEqual("abc", "abd"))
    }
}
