import Contracts
import Foundation
import Kernel
import Storage
import Testing

@testable import Inventory

/// The pure rules: who may report as a gateway, and how a report becomes rows.
@Suite struct ReportAdmissionTests {
    let open = ReportAdmission(allowedGateways: [])

    @Test func aGatewayReportsOnlyForItself() {
        #expect(open.refusal(gateway: "gw-1", caller: "gw-1") == nil)
        #expect(open.refusal(gateway: "gw-1", caller: "gw-2")?.contains("came from node gw-2") == true)
        // a local plugin of the manager cannot speak for a gateway either
        #expect(open.refusal(gateway: "gw-1", caller: "manager") != nil)
    }

    @Test func anAgentNodeCannotReportAsAGateway() {
        let known: [String: String?] = ["agent-1": "gw-1"]
        #expect(open.refusal(gateway: "agent-1", caller: "agent-1", knownAgents: known)?.contains("agent of gateway gw-1") == true)
        // an all-in-one node lists itself as its own agent and still reports
        #expect(open.refusal(gateway: "aio", caller: "aio", agents: ["aio"], knownAgents: ["aio": "aio"]) == nil)
    }

    @Test func aGatewayCannotClaimAnotherGatewayAsItsAgent() {
        let refusal = open.refusal(gateway: "gw-1", caller: "gw-1", agents: ["agent-1", "gw-2"], reportingGateways: ["gw-2"])
        #expect(refusal?.contains("gw-2") == true)
    }

    @Test func theGatewaysListIsAnAllowList() {
        let listed = ReportAdmission(allowedGateways: ["gw-1"])
        #expect(listed.refusal(gateway: "gw-1", caller: "gw-1") == nil)
        #expect(listed.refusal(gateway: "gw-9", caller: "gw-9")?.contains("gateways list") == true)
    }

    @Test func offlineAfterIsMissedHeartbeatsOfTheGatewaysInterval() {
        #expect(ReportConversion.offlineAfterSeconds(heartbeatSeconds: 30, missedHeartbeats: 3) == 90)
        #expect(ReportConversion.offlineAfterSeconds(heartbeatSeconds: 0, missedHeartbeats: 3) == 3)
        #expect(ReportConversion.offlineAfterSeconds(heartbeatSeconds: 1_000_000, missedHeartbeats: 2) == 7_200)
    }

    @Test func oddCapabilityWordsAreLeftOutNotFatal() {
        let report = ManagerInventory.Report(gateway: "gw-1", heartbeatSeconds: 5, agents: [
            .init(node: "agent-1", online: true, servers: [.init(id: "lab-01", capabilities: ["ipmi", "bad,word", "", "serial-ipmi"])])
        ])
        let at = Date(timeIntervalSince1970: 1_000)
        let converted = ReportConversion.gatewayReport(report, at: at, offlineAfterSeconds: 15)
        #expect(converted.agents.first?.servers.first?.capabilities == ["ipmi", "serial-ipmi"])
        #expect(converted.onlineUntil == at.addingTimeInterval(15))
        #expect(converted.gatewayID == "gw-1")
    }

    @Test func gatewayAuditEventsAreCleanedAndNameTheGateway() {
        let event = AuditTrail.Event(
            atMilliseconds: 1_700_000_000_123, actor: "ann\u{0}\n", action: "power.set", outcome: .ok, tenant: "acme", server: "lab-01",
            source: "10.0.0.1", detail: "action: off")
        let row = ReportConversion.auditEvent(event, gateway: "gw-1")
        #expect(row.actor == "ann  ")
        #expect(row.detail == "gateway gw-1; action: off")
        #expect(row.at.millisecondsSince1970 == 1_700_000_000_123)
        #expect(row.outcome == .ok)
        #expect(ReportConversion.auditEvent(.init(atMilliseconds: 0, actor: "", action: "", outcome: .denied), gateway: "g").actor == "anonymous")
    }
}
