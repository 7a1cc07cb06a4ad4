import Auth
import Contracts
import Foundation
import Kernel
import KernelTesting
import Routing
import Storage
import Testing

@testable import Inventory

/// A manager (auth + inventory), a gateway (routing) and an agent, joined by in-memory links.
@Suite struct InventoryPluginTests {
    let plugins: [any Plugin.Type] = [AuthPlugin.self, InventoryPlugin.self, RoutingPlugin.self, FakeAgentPlugin.self]
    let environment = ["ROOT_PASSWORD": "root-secret-1", "VERA_PASSWORD": "vera-secret-1"]

    func managerYAML(_ database: String) -> String {
        """
        role: manager
        plugins:
          - use: auth
            with:
              storage: "sqlite:\(database)"
              passwordCost: 10
              bootstrap:
                tenants: [{id: acme}]
                users:
                  - {name: root, password: "${ROOT_PASSWORD}", superadmin: true}
                  - {name: vera, password: "${VERA_PASSWORD}", memberships: [{tenant: acme, role: viewer}]}
                servers: [{id: lab-01, tenant: acme}]
          - use: inventory
            with: {storage: "sqlite:\(database)", missedHeartbeats: 2}
        """
    }

    func gatewayYAML(bufferSize: Int = 100) -> String {
        "role: gateway\nplugins: [{use: routing, with: {refreshSeconds: 1, askTimeoutSeconds: 2, reportSeconds: 1, auditBufferSize: \(bufferSize)}}]"
    }

    let agentYAML = "role: agent\nplugins: [{use: fake-agent, with: {servers: [lab-01, lab-02]}}]"

    static func database() -> String { NSTemporaryDirectory() + "tether-inventory-\(UUID().uuidString)/manager.db" }

    func login(_ bus: Bus, _ user: String = "root") async throws -> String {
        try await bus.ask(Manager.Login(username: user, password: environment["\(user.uppercased())_PASSWORD"] ?? "", source: "127.0.0.1")).token
    }

    /// Polls the manager (bounded, 30 s) until its server list satisfies `condition`.
    func waitForServers(_ bus: Bus, _ token: String, _ condition: ([Manager.ServerView]) -> Bool) async throws -> [Manager.ServerView] {
        let deadline = ContinuousClock.now + .seconds(30)
        var servers: [Manager.ServerView] = []
        while ContinuousClock.now < deadline {
            servers = try await bus.ask(Manager.ListServers(loginToken: token, source: "test")).servers
            if condition(servers) { return servers }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the manager's servers never matched: \(servers)")
        return servers
    }

    @Test func aLinkedGatewayReportsItsAgentsServersAndTheyGoOfflineWithTheAgent() async throws {
        let database = Self.database()
        try await TestNode.run(managerYAML(database), plugins: plugins, node: "manager", environment: environment) { manager in
            try await TestNode.run(gatewayYAML(), plugins: plugins, node: "gw-1") { gateway in
                try await TestNode.run(agentYAML, plugins: plugins, node: "agent-1") { agent in
                    let token = try await login(manager.bus)
                    try await LinkPair.connect(gateway.bus, manager.bus, bDefaultForA: true) {
                        try await LinkPair.connect(gateway.bus, agent.bus) {
                            let servers = try await waitForServers(manager.bus, token) { list in list.filter { $0.online == true }.count == 2 }
                            #expect(servers.map(\.id) == ["lab-01", "lab-02"])
                            #expect(servers.allSatisfy { $0.gateway == "gw-1" && $0.agent == "agent-1" })
                            #expect(servers.first { $0.id == "lab-01" }?.tenant == "acme")
                            #expect(servers.first { $0.id == "lab-02" }?.tenant == nil, "a learned server is unassigned")
                            #expect(servers.first?.capabilities == ["ipmi", "power"])
                            let agents = try await manager.bus.ask(Manager.ListAgents(loginToken: token, source: "test")).agents
                            #expect(agents.map(\.node) == ["agent-1"])
                            #expect(agents.first?.online == true)
                            let gateways = try await manager.bus.ask(Manager.ListGateways(loginToken: token, source: "test")).gateways
                            #expect(gateways.map(\.id) == ["gw-1"])
                            #expect(gateways.first?.online == true && gateways.first?.servers == 2 && gateways.first?.agents == 1)
                        }
                        // the agent's link dropped: routing reports it at once
                        let start = ContinuousClock.now
                        let offline = try await waitForServers(manager.bus, token) { list in list.allSatisfy { $0.online == false } }
                        #expect(offline.count == 2)
                        #expect(ContinuousClock.now - start < .seconds(5))
                        // tenant assignment survives
                        #expect(offline.first { $0.id == "lab-01" }?.tenant == "acme")
                    }
                    // the gateway's link to the manager dropped: the gateway is offline at once
                    let gateways = try await manager.bus.ask(Manager.ListGateways(loginToken: token, source: "test")).gateways
                    #expect(gateways.first?.online == false)
                }
            }
        }
    }

    @Test func onlyTheGatewayItselfMayReportAndNotAnAgent() async throws {
        let database = Self.database()
        try await TestNode.run(managerYAML(database), plugins: plugins, node: "manager", environment: environment) { manager in
            try await TestNode.run(gatewayYAML(), plugins: plugins, node: "gw-1") { gateway in
                try await TestNode.run(agentYAML, plugins: plugins, node: "agent-1") { agent in
                    let token = try await login(manager.bus)
                    try await LinkPair.connect(gateway.bus, manager.bus, bDefaultForA: true) {
                        try await LinkPair.connect(gateway.bus, agent.bus) {
                            _ = try await waitForServers(manager.bus, token) { list in list.filter { $0.online == true }.count == 2 }
                        }
                    }
                    let forged = ManagerInventory.Report(gateway: "gw-1", heartbeatSeconds: 1, agents: [])
                    // a plugin on the manager cannot speak for a gateway
                    await #expect(throws: BusError.self) { _ = try await manager.bus.ask(forged, to: .node("manager")) }
                    try await LinkPair.connect(agent.bus, manager.bus) {
                        // an agent linked to the manager: neither for another gateway nor as one
                        do {
                            _ = try await agent.bus.ask(forged, to: .node("manager"))
                            Issue.record("a report for gw-1 from agent-1 was accepted")
                        } catch BusError.remote(let code, let message) {
                            #expect(code == "denied")
                            #expect(message.contains("came from node agent-1"))
                        }
                        do {
                            _ = try await agent.bus.ask(ManagerInventory.Report(gateway: "agent-1", heartbeatSeconds: 1, agents: []), to: .node("manager"))
                            Issue.record("agent-1 reported as a gateway")
                        } catch BusError.remote(let code, let message) {
                            #expect(code == "denied")
                            #expect(message.contains("agent of gateway gw-1"))
                        }
                    }
                    let audit = try await manager.bus.ask(Manager.QueryAudit(loginToken: token, limit: 50, source: "test")).events
                    #expect(audit.filter { $0.action == "inventory.report" && $0.outcome == .denied }.count == 3)
                    // nothing of it changed the inventory
                    let servers = try await manager.bus.ask(Manager.ListServers(loginToken: token, source: "test")).servers
                    #expect(servers.allSatisfy { $0.gateway == "gw-1" })
                    // a viewer sees no gateways and no agents
                    let viewer = try await login(manager.bus, "vera")
                    await #expect(throws: BusError.self) { _ = try await manager.bus.ask(Manager.ListGateways(loginToken: viewer, source: "test")) }
                    await #expect(throws: BusError.self) { _ = try await manager.bus.ask(Manager.ListAgents(loginToken: viewer, source: "test")) }
                }
            }
        }
    }

    @Test func auditEventsWaitForTheManagerAndDropsAreAudited() async throws {
        let database = Self.database()
        try await TestNode.run(managerYAML(database), plugins: plugins, node: "manager", environment: environment) { manager in
            try await TestNode.run(gatewayYAML(bufferSize: 3), plugins: plugins, node: "gw-1") { gateway in
                let token = try await login(manager.bus)
                // no manager yet: five events into a buffer of three
                for index in 1...5 {
                    let event = AuditTrail.Event(
                        atMilliseconds: 1_700_000_000_000 + Int64(index), actor: "ann", action: "power.set", outcome: .ok, tenant: "acme",
                        server: "lab-01", source: "10.0.0.\(index)", detail: "action: on #\(index)")
                    try await gateway.bus.send(AuditTrail.Record(event: event), to: .node("gw-1"))
                }
                try await LinkPair.connect(gateway.bus, manager.bus, bDefaultForA: true) {
                    let deadline = ContinuousClock.now + .seconds(30)
                    var events: [Storage.AuditEvent] = []
                    while ContinuousClock.now < deadline {
                        events = try await manager.bus.ask(Manager.QueryAudit(loginToken: token, limit: 50, source: "test")).events
                        if events.contains(where: { $0.action == "audit.dropped" }), events.filter({ $0.action == "power.set" }).count == 3 { break }
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    let power = events.filter { $0.action == "power.set" }.sorted { $0.at < $1.at }
                    #expect(power.map(\.source) == ["10.0.0.3", "10.0.0.4", "10.0.0.5"], "the oldest two were dropped")
                    #expect(power.allSatisfy { $0.actor == "ann" && $0.tenantID == "acme" && $0.serverID == "lab-01" })
                    #expect(power.first?.detail == "gateway gw-1; action: on #3")
                    var dropped: Storage.AuditEvent?
                    for event in events where event.action == "audit.dropped" { dropped = event }
                    #expect(dropped?.detail.contains("2 audit events dropped") == true, "\(events)")
                    #expect(dropped?.outcome == .failed)
                }
            }
        }
    }
}
