import Contracts
import Foundation
import Kernel
import Testing

/// Redfish session login against a BMC with a SessionService: X-Auth-Token, one re-login
/// when the session expires, and on shutdown only our own session is deleted.
@Suite(.timeLimit(.minutes(3))) struct SessionTests {
    @Test func sessionsAreUsedRenewedAndOnlyOursDeleted() async throws {
        let bmc = try SessionBMC(password: "session-password-1")
        defer { bmc.stop() }
        let logs = CapturedLogs()
        let server = RedfishNode.server("s1", url: bmc.url, password: "session-password-1", certificate: bmc.certificate.certificate)
        try await RedfishNode.run(servers: [server], logs: logs) { node in
            #expect(try await ask(node, Power.Status(server: "s1")).state == .on)
            var state = try await bmc.state()
            #expect(state.logins == 1 && state.sessions == ["1", "2"])

            try await bmc.expireSessions()
            #expect(try await ask(node, Power.Status(server: "s1")).state == .on)
            state = try await bmc.state()
            #expect(state.logins == 2 && state.sessions == ["1", "3"])
            #expect(state.deleted.isEmpty)
        }
        let state = try await bmc.state()
        #expect(state.sessions == ["1"], "the other user's session survives")
        #expect(state.deleted == ["3"], "only our live session was deleted")
        #expect(state.basicRequests == 0)
        #expect(logs.contains("logged in to BMC") && logs.contains("authentication=session /redfish/v1/SessionService/Sessions/2"))
        #expect(logs.contains("redfish session closed"))
        for token in state.tokens + ["other-admin-token"] {
            #expect(!logs.all.contains { $0.contains(token) }, "token in the logs")
        }
    }

    @Test func aRejectedSessionLoginIsAClearError() async throws {
        let bmc = try SessionBMC(password: "session-password-2")
        defer { bmc.stop() }
        let server = RedfishNode.server("s2", url: bmc.url, password: "wrong-password", certificate: bmc.certificate.certificate)
        try await RedfishNode.run(servers: [server]) { node in
            let failure = try await askFailing(node, Power.Status(server: "s2"))
            #expect(failure.code == "bmc-auth-failed" && failure.message.contains("HTTP 401"))
        }
        let state = try await bmc.state()
        #expect(state.logins == 0 && state.sessions == ["1"] && state.deleted.isEmpty)
    }
}
