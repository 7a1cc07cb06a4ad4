import Foundation
import KernelTesting
import LabTesting
import Testing

/// Issue 3 and 4 across real processes: the manager issues an enrolment token, the gateway
/// verifies it offline and admits the agent; a wrong key, an expired token, a forged node
/// name, another gateway's token and a wrong static token are refused, the reason is in the
/// logs of both the agent and the gateway, and the manager's audit log has the records.
@Suite(.serialized) struct EnrolmentProcessTests {
    /// Starts the manager and the gateway, logs in as the superadmin, runs `body`, stops all.
    static func withDeployment(
        _ body: @Sendable (EnrolmentDeployment, ManagerAPIClient, _ login: String, _ gateway: RunningTether) async throws -> Void
    ) async throws {
        let deployment = try EnrolmentDeployment()
        defer { deployment.remove() }
        let manager = try await deployment.startManager()
        defer { manager.terminate() }
        let gateway = try await deployment.startGateway()
        defer { gateway.terminate() }
        let api = try ManagerAPIClient(base: deployment.managerURL, trusting: deployment.certificates.caCertificate)
        do {
            let login = try await api.login("admin", password: deployment.adminPassword)
            try await body(deployment, api, login, gateway)
        } catch {
            await api.shutdown()
            throw error
        }
        await api.shutdown()
    }

    /// Polls the manager's audit log (records reach it in the gateway relay's batches; the
    /// API has no push) until `match` holds, every 200 ms for at most 20 s.
    static func waitForAudit(
        _ api: ManagerAPIClient, login: String, _ what: String,
        _ match: @Sendable ([(action: String, outcome: String, actor: String, detail: String)]) -> Bool
    ) async throws {
        for _ in 0..<100 {
            if match(try await api.audit(login: login)) { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("the manager's audit log never showed \(what); it has \(try await api.audit(login: login).map { "\($0.action) \($0.actor): \($0.detail)" })")
    }

    @Test func anAgentWithAnEnrolmentTokenLinksAnswersTheGatewayAndIsAudited() async throws {
        try await Self.withDeployment { deployment, api, login, gateway in
            let token = try await api.enrolmentToken(login: login, node: "agent-7", gateway: deployment.gateway)
            let anonymous = try await api.call(.POST, "/v1/agents/enrolment-tokens", body: ["node": "agent-7", "gateway": deployment.gateway])
            #expect(anonymous.status == 401)
            let unknownField = try await api.call(
                .POST, "/v1/agents/enrolment-tokens", bearer: login, body: ["node": "agent-7", "gateway": deployment.gateway, "aud": "*"])
            #expect(unknownField.status == 400)
            let agent = try await deployment.startAgent("agent-7", token: token)
            defer { agent.terminate() }
            try await agent.waitForLog("link established", timeout: .seconds(30))
            try await gateway.waitForLog("link accepted", timeout: .seconds(10))
            // The gateway's routing asked the agent for its servers (an ask the agent answered
            // over the enrolled link) and reported them to the manager.
            var servers: [String] = []
            for _ in 0..<100 where !servers.contains("agent-7-console") {
                let agents = try await api.call(.GET, "/v1/agents", bearer: login).json["agents"] as? [[String: Any]] ?? []
                servers = agents.first { $0["node"] as? String == "agent-7" }?["servers"] as? [String] ?? []
                if !servers.contains("agent-7-console") { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(servers == ["agent-7-console"])
            try await Self.waitForAudit(api, login: login, "agent.enrolled of agent-7") { events in
                events.contains { $0.action == "agent.enrolled" && $0.outcome == "ok" && $0.actor == "agent-7" && $0.detail.contains("gateway gw-1") }
            }
            let audit = try await api.audit(login: login)
            #expect(audit.contains { $0.action == "enrolment.issued" && $0.outcome == "ok" && $0.detail.contains("node agent-7; gateway gw-1") })
            #expect(!agent.output.contains("link refused"))
        }
    }

    @Test func theCLIIssuesAnEnrolmentTokenThatAnAgentLinksWith() async throws {
        try await Self.withDeployment { deployment, _, _, _ in
            let home = deployment.file("cli-home")
            let environment = ["HOME": home.path, "XDG_STATE_HOME": home.path, "XDG_CONFIG_HOME": home.path, "TETHER_CA_FILE": deployment.certificates.caCertificate]
            let login = try await CLIBinary.run(
                ["login", "--manager", deployment.managerURL, "--user", "admin", "--password-stdin"], environment: environment,
                input: deployment.adminPassword + "\n")
            #expect(login.status == 0, "\(login.standardError)")
            let issued = try await CLIBinary.run(["agent", "enrolment-token", "agent-c", "--gateway", deployment.gateway, "--ttl", "600"], environment: environment)
            #expect(issued.status == 0, "\(issued.standardError)")
            let token = issued.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.split(separator: ".").count == 3)
            let agent = try await deployment.startAgent("agent-c", token: token)
            defer { agent.terminate() }
            try await agent.waitForLog("link established", timeout: .seconds(30))

            let json = try await CLIBinary.run(["agent", "enrolment-token", "agent-d", "--gateway", deployment.gateway, "-o", "json"], environment: environment)
            let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
            #expect(object?["node"] as? String == "agent-d" && object?["gateway"] as? String == deployment.gateway && object?["tokenID"] is String)
            // Times in JSON are ISO 8601, as the API gives them (not seconds since 2001).
            let expires = (object?["token"] as? [String: Any])?["expiresAt"] as? String
            #expect(expires.flatMap { try? Date($0, strategy: .iso8601) }.map { $0 > Date() } == true, "\(String(describing: expires))")
            let refused = try await CLIBinary.run(["agent", "enrolment-token", "agent-d", "--gateway", "*"], environment: environment)
            #expect(refused.status != 0 && refused.standardError.contains("gateway must be a node name"))
        }
    }

    @Test func aWrongKeyAnExpiredTokenAForgedNameAnotherGatewayAndAWrongStaticTokenAreRefusedOnBothSides() async throws {
        try await Self.withDeployment { deployment, api, login, gateway in
            let forA = try await api.enrolmentToken(login: login, node: "agent-a", gateway: deployment.gateway)
            let cases: [(node: String, token: String, reason: String, action: String)] = [
                ("agent-k", try await ManagerKeyForger.foreignEnrolmentToken(node: "agent-k", gateway: deployment.gateway),
                 "bad signature: unknown signing key", "agent.enrolment-refused"),
                ("agent-x", try await ManagerKeyForger.expiredEnrolmentToken(database: deployment.database, node: "agent-x", gateway: deployment.gateway),
                 "enrolment token refused: expired", "agent.enrolment-refused"),
                ("agent-b", forA, "wrong node: issued for node agent-a", "agent.enrolment-refused"),
                ("agent-g", try await api.enrolmentToken(login: login, node: "agent-g", gateway: "gw-2"),
                 "wrong audience: meant for gateway gw-2", "agent.enrolment-refused"),
                ("agent-s", "not-the-static-token", "wrong token for node agent-s", "agent.link-refused"),
            ]
            for refused in cases {
                let agent = try await deployment.startAgent(refused.node, token: refused.token)
                defer { agent.terminate() }
                try await agent.waitForLog(all: ["link refused by listener", refused.reason], timeout: .seconds(30))
                try await gateway.waitForLog(refused.reason, timeout: .seconds(10))
                #expect(gateway.output.contains("link refused"))
                #expect(!agent.output.contains("link established"), "\(refused.node) linked")
            }
            for refused in cases {
                try await Self.waitForAudit(api, login: login, "\(refused.action) of \(refused.node)") { events in
                    events.contains { $0.action == refused.action && $0.outcome == "denied" && $0.actor == refused.node && $0.detail.contains(refused.reason) }
                }
            }
            // The rightful agent-a still links with the token agent-b failed to use.
            let rightful = try await deployment.startAgent("agent-a", token: forA)
            defer { rightful.terminate() }
            try await rightful.waitForLog("link established", timeout: .seconds(30))
        }
    }

    @Test func anAgentEnrolsOnceRelinksWithItsOwnCredentialAndIsRefusedOnceRevoked() async throws {
        try await Self.withDeployment { deployment, api, login, gateway in
            let token = try await api.enrolmentToken(login: login, node: "agent-r", gateway: deployment.gateway)
            let first = try await deployment.startAgent("agent-r", token: token)
            try await first.waitForLog(all: ["enrolled: the agent's own credential is kept", "link established"], timeout: .seconds(30))
            first.terminate()
            let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: deployment.identityFile("agent-r")))) as? [String: Any]
            let credentialID = try #require(stored?["credentialID"] as? String)
            #expect((stored?["credential"] as? String)?.split(separator: ".").count == 3 && stored?["gateway"] as? String == deployment.gateway)
            let mode = try FileManager.default.attributesOfItem(atPath: deployment.identityFile("agent-r"))[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)

            // The same configuration again (the spent token is still in it): the agent links
            // with its credential and a proof; the token is not redeemed twice.
            let again = try await deployment.startAgent("agent-r", token: token)
            defer { again.terminate() }
            try await again.waitForLog("link established", timeout: .seconds(30))
            try await gateway.waitForLog("agent credential \(credentialID)", timeout: .seconds(10))

            // The spent token with a fresh key (a copy of the token, not of the identity): refused.
            let thief = try await deployment.startAgent("agent-r", token: token, identityFile: deployment.file("thief.identity.json").path)
            try await thief.waitForLog(all: ["link refused by listener", "enrolment token already used"], timeout: .seconds(30))
            try await gateway.waitForLog("enrolment token already used", timeout: .seconds(10))
            #expect(!thief.output.contains("link established"))
            thief.terminate()

            // Revoked (only a superadmin may): the gateway cuts the live link and refuses the
            // reconnect, on both sides with the reason.
            #expect(try await api.call(.POST, "/v1/agents/agent-r/revoke").status == 401)
            let revoked = try await api.call(.POST, "/v1/agents/agent-r/revoke", bearer: login)
            #expect(revoked.status == 200 && revoked.json["node"] as? String == "agent-r", "\(revoked)")
            try await gateway.waitForLog("link cut: the agent's credential was revoked", timeout: .seconds(30))
            try await again.waitForLog(all: ["link refused by listener", "agent credential refused: revoked"], timeout: .seconds(30))
            try await gateway.waitForLog("agent credential refused: revoked", timeout: .seconds(10))
            again.terminate()
            try await Self.waitForAudit(api, login: login, "agent.revoked, the cut and the refusals of agent-r") { events in
                events.contains { $0.action == "agent.revoked" && $0.outcome == "ok" && $0.detail.contains("node agent-r") }
                    && events.contains { $0.action == "agent.link-cut" && $0.actor == "agent-r" }
                    && events.contains { $0.action == "agent.link-refused" && $0.actor == "agent-r" && $0.detail.contains("revoked") }
                    && events.contains { $0.action == "agent.enrolled" && $0.outcome == "denied" && $0.actor == "agent-r" && $0.detail.contains("already used") }
            }

            // Enrolled again with a new token: a new key and credential, linked.
            let renewed = try await deployment.startAgent("agent-r", token: try await api.enrolmentToken(login: login, node: "agent-r", gateway: deployment.gateway))
            defer { renewed.terminate() }
            try await renewed.waitForLog(all: ["enrolled: the agent's own credential is kept", "link established"], timeout: .seconds(30))
        }
    }
}
