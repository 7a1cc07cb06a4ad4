import Foundation
import KernelTesting
import PostgresTesting
import Testing

/// Manager, gateways and agents as separate `tether` processes with TLS on every hop,
/// against the project's virtual lab (QEMU VMs behind `ipmi_sim`).
@Suite(.serialized, .lab(servers: 2), .enabled(if: Lab.isAvailable, "needs Scripts/setup (VM image, QEMU, ipmi_sim)"))
struct EndToEndTests {
    /// Login, list, power and the serial console through one gateway; a token for one server
    /// cannot reach the other, a viewer cannot power; the manager audits the logins.
    @Test(arguments: ManagerStorage.allCases)
    func loginListPowerAndConsoleThroughManagerGatewayAndAgent(storage: ManagerStorage) async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let https = try HTTPS(trusting: deployment.certificates.caCertificate)
        let gateway = Deployment.gateway("gw-1")
        let manager = try await deployment.startManager(servers: [("lab-01", "gw-1"), ("lab-02", "gw-1")], storage: try await storage.location())
        defer { manager.stop() }
        let gatewayProcess = try await deployment.startGateway(gateway)
        defer { gatewayProcess.stop() }
        let agent = try await deployment.startAgent("agent-1", gateway: gateway, servers: ["lab-01", "lab-02"])
        defer { agent.stop() }
        try await gatewayProcess.waitForLog("routing.node=agent-1 routing.servers=2", timeout: .seconds(30))

        let login = try await https.login(deployment.managerURL, user: "admin", password: deployment.adminPassword)
        let list = try await https.request(.GET, "\(deployment.managerURL)/v1/servers", token: login)
        let ids = (try list.json()["servers"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["lab-01", "lab-02"])

        let session = try await https.sessionToken(deployment.managerURL, login: login, server: "lab-01")
        #expect(session.gateway == "gw-1")
        let power = try await https.request(.GET, "\(gateway.url)/v1/servers/lab-01/power", token: session.token)
        #expect(power.status == 200, "\(power.body)")
        #expect(try power.json()["state"] as? String == "on")
        let output = try await SerialConsole.type(
            "echo e2e-$((6*7))-ok", expecting: "e2e-42-ok", gateway: gateway.url, server: "lab-01", token: session.token,
            caFile: deployment.certificates.caCertificate)
        #expect(output.contains("e2e-42-ok"))

        // the lab-01 token does not open lab-02; a viewer cannot power
        let other = try await https.request(.GET, "\(gateway.url)/v1/servers/lab-02/power", token: session.token)
        #expect(other.status == 403, "\(other.body)")
        let viewerLogin = try await https.login(deployment.managerURL, user: "vera", password: deployment.viewerPassword)
        let viewer = try await https.sessionToken(deployment.managerURL, login: viewerLogin, server: "lab-01")
        let refused = try await https.request(.POST, "\(gateway.url)/v1/servers/lab-01/power", token: viewer.token, json: #"{"action":"off"}"#)
        #expect(refused.status == 403, "\(refused.body)")
        #expect(try await https.request(.GET, "\(gateway.url)/v1/servers/lab-01/power", token: viewer.token).status == 200)

        let audit = try await https.request(.GET, "\(deployment.managerURL)/v1/audit?limit=50", token: login)
        #expect(audit.status == 200)
        let events = try audit.json()["events"] as? [[String: Any]] ?? []
        #expect(events.filter { $0["action"] as? String == "login" && $0["outcome"] as? String == "ok" }.count == 2, "\(audit.body.prefix(800))")
        #expect(events.contains { $0["action"] as? String == "token.session" && ($0["detail"] as? String)?.hasPrefix("actions: view;") == true })
        await https.shutdown()
    }

    /// kill -9 of the gateway: after its restart the agent links again by itself and the
    /// client's session token still works (no new login); with the manager stopped, tokens
    /// already issued keep working (offline verification).
    @Test func gatewayKilledAndRestartedAndManagerStopped() async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let https = try HTTPS(trusting: deployment.certificates.caCertificate)
        let gateway = Deployment.gateway("gw-1")
        let manager = try await deployment.startManager(servers: [("lab-01", "gw-1")])
        defer { manager.stop() }
        let first = try await deployment.startGateway(gateway)
        let agent = try await deployment.startAgent("agent-1", gateway: gateway, servers: ["lab-01"])
        defer { agent.stop() }
        try await first.waitForLog("routing.node=agent-1", timeout: .seconds(30))
        let login = try await https.login(deployment.managerURL, user: "admin", password: deployment.adminPassword)
        let session = try await https.sessionToken(deployment.managerURL, login: login, server: "lab-01")
        #expect(try await https.request(.GET, "\(gateway.url)/v1/servers/lab-01/power", token: session.token).status == 200)

        first.kill()
        let second = try await deployment.startGateway(gateway)
        defer { second.stop() }
        try await second.waitForLog("routing.node=agent-1", timeout: .seconds(30))
        let again = try await https.request(.GET, "\(gateway.url)/v1/servers/lab-01/power", token: session.token)
        #expect(again.status == 200, "after the gateway restart: \(again.body)")

        #expect(manager.stop() == 0)
        let offline = try await https.request(.GET, "\(gateway.url)/v1/servers/lab-01/power", token: session.token)
        #expect(offline.status == 200, "with the manager stopped: \(offline.body)")
        let output = try await SerialConsole.type(
            "echo after-$((40+2))", expecting: "after-42", gateway: gateway.url, server: "lab-01", token: session.token,
            caFile: deployment.certificates.caCertificate)
        #expect(output.contains("after-42"))
        await #expect(throws: (any Error).self) {
            _ = try await https.request(.POST, "\(deployment.managerURL)/v1/token/refresh", token: login)
        }
        await https.shutdown()
    }

    /// Two gateways, each with its own agent and server: the manager names the right gateway,
    /// each server answers only through it, a token for one gateway is refused by the other.
    @Test func twoGatewaysEachServeOnlyTheirOwnServer() async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let https = try HTTPS(trusting: deployment.certificates.caCertificate)
        let east = Deployment.gateway("gw-east")
        let west = Deployment.gateway("gw-west")
        let manager = try await deployment.startManager(servers: [("lab-01", "gw-east"), ("lab-02", "gw-west")])
        defer { manager.stop() }
        let eastProcess = try await deployment.startGateway(east)
        defer { eastProcess.stop() }
        let westProcess = try await deployment.startGateway(west)
        defer { westProcess.stop() }
        let eastAgent = try await deployment.startAgent("agent-east", gateway: east, servers: ["lab-01"])
        defer { eastAgent.stop() }
        let westAgent = try await deployment.startAgent("agent-west", gateway: west, servers: ["lab-02"])
        defer { westAgent.stop() }
        try await eastProcess.waitForLog("routing.node=agent-east", timeout: .seconds(30))
        try await westProcess.waitForLog("routing.node=agent-west", timeout: .seconds(30))

        let login = try await https.login(deployment.managerURL, user: "admin", password: deployment.adminPassword)
        let one = try await https.sessionToken(deployment.managerURL, login: login, server: "lab-01")
        let two = try await https.sessionToken(deployment.managerURL, login: login, server: "lab-02")
        #expect(one.gateway == "gw-east")
        #expect(two.gateway == "gw-west")
        #expect(try await https.request(.GET, "\(east.url)/v1/servers/lab-01/power", token: one.token).status == 200)
        #expect(try await https.request(.GET, "\(west.url)/v1/servers/lab-02/power", token: two.token).status == 200)
        // a token is for one gateway (its audience): the other refuses it
        #expect(try await https.request(.GET, "\(west.url)/v1/servers/lab-01/power", token: one.token).status == 401)
        #expect(try await https.request(.GET, "\(east.url)/v1/servers/lab-02/power", token: two.token).status == 401)
        await https.shutdown()
    }
}
