import Contracts
import Foundation
import Hummingbird
import Kernel
import NIOCore

/// Audit records of what clients do through this gateway (power, boot, consoles), sent as
/// `audit.record` to this node's relay (`routing`), which buffers them and delivers them to
/// the manager. Never fails the request it records: without a relay the record is dropped.
struct GatewayAudit: Sendable {
    let bus: Bus

    func record(
        _ action: String, _ outcome: AuditTrail.Outcome, principal: Auth.Principal?, server: String?, source: String? = nil, detail: String = ""
    ) async {
        let event = AuditTrail.Event(
            atMilliseconds: Int64(Date().timeIntervalSince1970 * 1000), actor: principal?.subject ?? "anonymous", action: action,
            outcome: outcome, tenant: principal?.tenant, server: server, source: source, detail: detail)
        try? await bus.send(AuditTrail.Record(event: event), to: .node(bus.node))
    }

    /// A console or graphical console event of an admitted ticket.
    func console(_ action: String, _ ticket: ConsoleTicket, _ outcome: AuditTrail.Outcome = .ok, detail: String = "") async {
        await record(action, outcome, principal: ticket.principal, server: ticket.server, source: ticket.source, detail: detail)
    }

    /// A console upgrade refused before a ticket existed: denied for 401/403, failed otherwise.
    func refusedUpgrade(_ action: String, path: String?, channel: any Channel, _ refusal: GatewayError) async {
        let server = (try? ConsolePath.server(in: path ?? "")) ?? (try? GraphicalConsolePath.server(in: path ?? ""))
        let denied = refusal.status == .unauthorized || refusal.status == .forbidden
        await record(
            action, denied ? .denied : .failed, principal: nil, server: server, source: channel.remoteAddress?.ipAddress,
            detail: "\(refusal.code): \(refusal.message)")
    }
}

extension ServerOperations {
    /// The principal when the caller may do `action` on `server`; a refusal is audited as
    /// `denied` under `audit` before it is thrown.
    func admitAudited(_ headers: HTTPFields, _ action: Auth.Action, on server: String, audit name: String) async throws -> Auth.Principal {
        var principal: Auth.Principal?
        do {
            let verified = try await authorizer.principal(for: headers, action: action, server: server)
            principal = verified
            try Authorizer.check(verified, may: action, on: server)
            return verified
        } catch {
            let refusal = GatewayError.from(error, asking: Auth.Verify.topic)
            await GatewayAudit(bus: bus).record(name, .denied, principal: principal, server: server, detail: "\(refusal.code): \(refusal.message)")
            throw error
        }
    }

    /// Runs `body` and audits it under `name`: `ok`, or `failed` with the error's code.
    func audited<T>(
        _ name: String, _ server: String, _ principal: Auth.Principal, detail: String, _ body: () async throws -> T
    ) async throws -> T {
        let audit = GatewayAudit(bus: bus)
        do {
            let result = try await body()
            await audit.record(name, .ok, principal: principal, server: server, detail: detail)
            return result
        } catch {
            let failure = GatewayError.from(error, asking: Power.Set.topic)
            await audit.record(name, .failed, principal: principal, server: server, detail: "\(detail); \(failure.code): \(failure.message)")
            throw error
        }
    }
}
