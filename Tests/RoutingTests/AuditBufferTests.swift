import Contracts
import Kernel
import Testing

@testable import Routing

/// The gateway's bounded audit buffer and the report built from routes.
@Suite struct AuditBufferTests {
    func event(_ index: Int) -> AuditTrail.Event {
        AuditTrail.Event(atMilliseconds: Int64(index), actor: "ann", action: "power.set", outcome: .ok, detail: "#\(index)")
    }

    @Test func keepsTheNewestAndAnnouncesTheDrops() {
        var buffer = AuditBuffer(capacity: 3)
        for index in 1...5 { buffer.append(event(index)) }
        let batch = buffer.batch(limit: 10, gateway: "gw-1", atMilliseconds: 99)
        #expect(batch.events.map(\.action) == ["audit.dropped", "power.set", "power.set", "power.set"])
        #expect(batch.events.first?.detail.hasPrefix("2 audit events dropped") == true)
        #expect(batch.events.dropFirst().map(\.detail) == ["#3", "#4", "#5"])
        buffer.delivered(batch)
        #expect(buffer.isEmpty)
    }

    @Test func eventsArrivingDuringADeliveryStay() {
        var buffer = AuditBuffer(capacity: 2)
        buffer.append(event(1))
        buffer.append(event(2))
        let batch = buffer.batch(limit: 10, gateway: "gw-1", atMilliseconds: 0)
        buffer.append(event(3))  // drops #1, which is in flight
        buffer.delivered(batch)
        #expect(buffer.pending.map(\.event.detail) == ["#3"])
        // the drop of #1 happened after the batch was taken: still announced next time
        #expect(buffer.dropped == 1)
        #expect(buffer.batch(limit: 1, gateway: "gw-1", atMilliseconds: 0).events.map(\.action) == ["audit.dropped", "power.set"])
    }

    @Test func batchesAreBounded() {
        var buffer = AuditBuffer(capacity: 100)
        for index in 1...10 { buffer.append(event(index)) }
        let batch = buffer.batch(limit: 4, gateway: "gw-1", atMilliseconds: 0)
        #expect(batch.events.count == 4)
        buffer.delivered(batch)
        #expect(buffer.pending.count == 6)
    }

    @Test func theReportGroupsServersByAgent() {
        let entries = [
            Routing.Entry(server: "lab-02", node: "agent-1", online: true, capabilities: [.ipmi], instances: ["ipmi-sol"]),
            Routing.Entry(server: "lab-01", node: "agent-1", online: true, capabilities: [.ipmi, .vncTCP], instances: ["ipmi-sol"]),
            Routing.Entry(server: "lab-03", node: "agent-2", online: false, capabilities: [], instances: ["redfish"]),
        ]
        let agents = InventoryReportBuilder.agents(from: entries, versions: ["agent-1": "0.1.0"])
        #expect(agents.map(\.node) == ["agent-1", "agent-2"])
        #expect(agents.map(\.version) == ["0.1.0", nil])
        #expect(agents[0].servers.map(\.id) == ["lab-01", "lab-02"])
        #expect(agents[0].servers[0].capabilities == ["ipmi", "vnc-tcp"])
        #expect(agents[0].online && !agents[1].online)
    }
}
