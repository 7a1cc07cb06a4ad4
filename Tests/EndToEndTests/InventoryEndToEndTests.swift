import Foundation
import Kernel
import KernelTesting
import Testing

extension EndToEndTests {
    /// A gateway linked to the manager reports its agent's servers: the manager's
    /// /v1/servers shows the gateway and online (a server it never configured appears
    /// unassigned, for superadmins only); /v1/gateways and /v1/agents list them; killing the
    /// agent turns its servers offline within seconds; a power action through the gateway is
    /// in the manager's audit log and its JSON-lines export.
    @Test func gatewayReportsInventoryAndAuditToTheManager() async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let https = try HTTPS(trusting: deployment.certificates.caCertificate)
        let gateway = Deployment.gateway("gw-1")
        let manager = try await deployment.startReportingManager(tenantServers: ["lab-01"])
        defer { manager.stop() }
        let gatewayProcess = try await deployment.startReportingGateway(gateway, reportSeconds: 1)
        defer { gatewayProcess.stop() }
        let agent = try await deployment.startAgent("agent-1", gateway: gateway, servers: ["lab-01", "lab-02"])
        defer { agent.stop() }
        let login = try await https.login(deployment.managerURL, user: "admin", password: deployment.adminPassword)

        let online = try await waitForServers(https, deployment, login, timeout: .seconds(30)) { servers in
            servers["lab-01"]?["online"] as? Bool == true && servers["lab-02"]?["online"] as? Bool == true
        }
        #expect(online["lab-01"]?["gateway"] as? String == "gw-1")
        #expect(online["lab-01"]?["agent"] as? String == "agent-1")
        #expect(online["lab-01"]?["tenant"] as? String == "lab")
        #expect(online["lab-02"]?["gateway"] as? String == "gw-1")
        #expect(online["lab-02"]?["tenant"] == nil, "a learned server is unassigned")
        // the viewer of tenant lab sees lab-01 only, and no gateways
        let viewerLogin = try await https.login(deployment.managerURL, user: "vera", password: deployment.viewerPassword)
        let viewerList = try await https.request(.GET, "\(deployment.managerURL)/v1/servers", token: viewerLogin)
        #expect((try viewerList.json()["servers"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["lab-01"])
        #expect(try await https.request(.GET, "\(deployment.managerURL)/v1/gateways", token: viewerLogin).status == 403)

        let gateways = try await https.request(.GET, "\(deployment.managerURL)/v1/gateways", token: login)
        let gatewayList = try gateways.json()["gateways"] as? [[String: Any]] ?? []
        #expect(gatewayList.contains { $0["id"] as? String == "gw-1" && $0["online"] as? Bool == true && $0["servers"] as? Int == 2 }, "\(gateways.body)")
        let agents = try await https.request(.GET, "\(deployment.managerURL)/v1/agents", token: login)
        let agentList = try agents.json()["agents"] as? [[String: Any]] ?? []
        #expect(agentList.contains { $0["node"] as? String == "agent-1" && $0["online"] as? Bool == true
            && $0["servers"] as? [String] == ["lab-01", "lab-02"] && $0["gateway"] as? String == "gw-1" }, "\(agents.body)")
        // the agent's tether version, from its node.describe through the gateway's report
        #expect(agentList.first { $0["node"] as? String == "agent-1" }?["version"] as? String == TetherVersion.current, "\(agents.body)")

        // a power action through the gateway (the token names the learned gateway)
        let session = try await https.sessionToken(deployment.managerURL, login: login, server: "lab-01")
        #expect(session.gateway == "gw-1")
        let power = try await https.request(.POST, "\(gateway.url)/v1/servers/lab-01/power", token: session.token, json: #"{"action":"on"}"#)
        #expect(power.status == 200, "\(power.body)")

        // kill -9 the agent: offline within the configured time (the link drop is reported at once)
        let killed = ContinuousClock.now
        agent.kill()
        _ = try await waitForServers(https, deployment, login, timeout: .seconds(15)) { servers in
            servers["lab-01"]?["online"] as? Bool == false && servers["lab-02"]?["online"] as? Bool == false
        }
        let offlineAfter = ContinuousClock.now - killed
        print("e2e inventory: agent offline at the manager \(offlineAfter) after kill -9")
        #expect(offlineAfter < .seconds(10))

        // the power action is in the manager's audit log and in the JSON-lines file
        let audit = try await https.request(.GET, "\(deployment.managerURL)/v1/audit?limit=100", token: login)
        let events = try audit.json()["events"] as? [[String: Any]] ?? []
        let powerEvent = events.first { $0["action"] as? String == "power.set" && $0["serverID"] as? String == "lab-01" }
        #expect(powerEvent != nil, "\(audit.body.prefix(1500))")
        #expect(powerEvent?["outcome"] as? String == "ok")
        #expect((powerEvent?["detail"] as? String)?.contains("gateway gw-1; action: on") == true)
        #expect(powerEvent?["actor"] as? String != "anonymous")
        let lines = try await waitForAuditLine(deployment.auditLogFile, containing: "\"action\":\"power.set\"", timeout: .seconds(10))
        #expect(lines.contains("\"action\":\"login\""), "every record is exported, logins included")
        #expect(lines.split(separator: "\n").allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        await https.shutdown()
    }

    /// Polls the admin's /v1/servers (bounded) until `condition` holds; the servers by ID.
    private func waitForServers(
        _ https: HTTPS, _ deployment: Deployment, _ login: String, timeout: Duration, _ condition: ([String: [String: Any]]) -> Bool
    ) async throws -> [String: [String: Any]] {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            let reply = try await https.request(.GET, "\(deployment.managerURL)/v1/servers", token: login)
            last = reply.body
            let list = try reply.json()["servers"] as? [[String: Any]] ?? []
            let byID = Dictionary(list.compactMap { entry in (entry["id"] as? String).map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })
            if condition(byID) { return byID }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TetherProcessError(message: "the manager's servers never matched within \(timeout); last: \(last.prefix(1000))")
    }

    /// Polls the JSON-lines export (bounded) until it holds `text`; its whole content.
    private func waitForAuditLine(_ file: URL, containing text: String, timeout: Duration) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let content = try? String(contentsOf: file, encoding: .utf8), content.contains(text) { return content }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TetherProcessError(message: "\(file.path) has no \(text) within \(timeout)")
    }
}
