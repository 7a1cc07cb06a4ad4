import Contracts
import Foundation
import Kernel
import Storage

/// Turns what a gateway sent into what the store records. Pure.
enum ReportConversion {
    /// The store's report: capability words the schema cannot hold are left out (so one odd
    /// agent cannot make a whole gateway's report fail); the gateway is online until
    /// `at + offlineAfter`.
    static func gatewayReport(_ report: ManagerInventory.Report, at: Date, offlineAfterSeconds: Int) -> GatewayReport {
        GatewayReport(
            gatewayID: report.gateway.rawValue, at: at, onlineUntil: at.addingTimeInterval(TimeInterval(offlineAfterSeconds)),
            agents: report.agents.map { agent in
                GatewayReport.Agent(
                    node: agent.node.rawValue, version: agent.version.map { String($0.prefix(64)) }, online: agent.online,
                    servers: agent.servers.map { GatewayReport.Server(id: $0.id, capabilities: $0.capabilities.filter(isCapabilityWord)) })
            })
    }

    /// Seconds without a report before the gateway is offline: `missed` heartbeats of the
    /// gateway's own interval (clamped to 1...3600 s).
    static func offlineAfterSeconds(heartbeatSeconds: Int, missedHeartbeats: Int) -> Int {
        min(max(heartbeatSeconds, 1), 3_600) * missedHeartbeats
    }

    /// One gateway audit event as a row: control characters replaced, lengths bounded, the
    /// gateway named in the detail.
    static func auditEvent(_ event: AuditTrail.Event, gateway: NodeID) -> AuditEvent {
        let actor = clean(event.actor, 200)
        let action = clean(event.action, 200)
        return AuditEvent(
            at: Date(millisecondsSince1970: event.atMilliseconds), actor: actor.isEmpty ? "anonymous" : actor,
            action: action.isEmpty ? "unknown" : action,
            outcome: AuditEvent.Outcome(rawValue: event.outcome.rawValue) ?? .failed, tenantID: event.tenant.map { clean($0, 200) },
            serverID: event.server.map { clean($0, 200) }, source: event.source.map { clean($0, 200) },
            detail: clean("gateway \(gateway)" + (event.detail.isEmpty ? "" : "; \(event.detail)"), 2_000))
    }

    static func clean(_ text: String, _ limit: Int) -> String {
        String(String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }).prefix(limit))
    }

    static func isCapabilityWord(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 64
            && word.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }
    }
}
