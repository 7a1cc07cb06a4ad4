import Contracts
import Foundation
import Kernel
import Logging
import Synchronization

/// What a listener records for the manager's audit log: `agent.enrolment-refused` /
/// `agent.link-refused` with the reason (throttled, see ``AuditThrottle``); the manager
/// itself records the enrolment when it redeems the token. Records go to
/// this node's relay (`audit.record`, served by `routing`), which delivers them to the
/// manager; without a relay they are only logged.
final class LinkAuditTrail: Sendable {
    private struct State {
        var throttle = AuditThrottle(window: .seconds(60), limit: 100)
    }

    private let bus: Bus
    private let logger: Logger
    private let state = Mutex(State())

    init(bus: Bus, logger: Logger) {
        self.bus = bus
        self.logger = logger
    }

    /// A live link was cut (its agent's credential was revoked): `agent.link-cut`.
    func cut(node: String, reason: String, connection: String) async {
        await record("agent.link-cut", .ok, actor: node, connection: connection, detail: "node \(node): \(reason)")
    }

    /// A hello was refused.
    func refused(node: String, _ refusal: LinkRefusal, connection: String) async {
        let name = String(node.prefix(128))
        let (kept, suppressed) = state.withLock { $0.throttle.admit("\(refusal.auditAction) \(name) \(refusal.reason)", at: .now) }
        guard kept else { return }
        var detail = "node \(name): \(refusal.reason)"
        if suppressed > 0 { detail += " (\(suppressed) similar refusals before this one were not recorded)" }
        await record(refusal.auditAction, refusal.unverifiable ? .failed : .denied, actor: name, connection: connection, detail: detail)
    }

    private func record(_ action: String, _ outcome: AuditTrail.Outcome, actor: String, connection: String, detail: String) async {
        let event = AuditTrail.Event(
            atMilliseconds: Int64(Date().timeIntervalSince1970 * 1000), actor: actor, action: action, outcome: outcome, source: connection,
            detail: detail)
        do {
            try await bus.send(AuditTrail.Record(event: event), to: .node(bus.node))
        } catch {
            logger.debug("link audit record not relayed (no routing plugin on this node?)", metadata: ["audit.action": "\(action)", "error": "\(error)"])
        }
    }
}
