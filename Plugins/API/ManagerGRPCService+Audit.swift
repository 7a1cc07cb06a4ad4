import Auth
import Foundation
import GRPCCore
import Kernel
import Storage
import TetherAPIProto

/// `QueryAudit` (a page of records, like `GET /v1/audit`) and `WatchAudit` (the backlog, then
/// records as they are appended, through the same ``AuditFollower`` as `GET /v1/audit/stream`).
extension ManagerGRPCService {
    func queryAudit(
        request: ServerRequest<Tether_V1_QueryAuditRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_QueryAuditResponse> {
        try await APIError.answeringRPC {
            let message = request.message
            let query = Manager.QueryAudit(
                loginToken: try Self.bearer(request.metadata), beforeID: message.hasBefore ? message.before : nil,
                afterID: message.hasAfter ? message.after : nil, tenant: message.hasTenant ? message.tenant : nil,
                server: message.hasServer ? message.server : nil, action: message.hasAction ? message.action : nil,
                since: message.hasSinceMs ? Date(millisecondsSince1970: message.sinceMs) : nil,
                until: message.hasUntilMs ? Date(millisecondsSince1970: message.untilMs) : nil,
                limit: message.hasLimit ? try Self.integer(message.limit, name: "limit") : 100, source: context.sourceAddress)
            let reply = try await bus.ask(query, timeout: timeout)
            return ServerResponse(message: .with { $0.events = reply.events.map(Tether_V1_AuditRecord.init) })
        }
    }

    /// The first query runs before the call answers, so a refused token, role or filter is the
    /// call's status; later failures (an expired token) end the stream with their status.
    func watchAudit(
        request: ServerRequest<Tether_V1_WatchAuditRequest>, context: ServerContext
    ) async throws -> StreamingServerResponse<Tether_V1_WatchAuditResponse> {
        let follower = AuditFollower(bus: bus, timeout: timeout, pollInterval: auditStream.pollInterval)
        let cursor = try await APIError.answeringRPC {
            let message = request.message
            let query = Manager.QueryAudit(
                loginToken: try Self.bearer(request.metadata), afterID: message.hasAfter ? message.after : nil,
                tenant: message.hasTenant ? message.tenant : nil, server: message.hasServer ? message.server : nil,
                action: message.hasAction ? message.action : nil,
                since: message.hasSinceMs ? Date(millisecondsSince1970: message.sinceMs) : nil,
                until: message.hasUntilMs ? Date(millisecondsSince1970: message.untilMs) : nil, source: context.sourceAddress)
            return try await follower.open(query)
        }
        let writeTimeout = auditStream.writeTimeout
        return StreamingServerResponse { writer in
            try await APIError.answeringRPC {
                _ = try await follower.follow(cursor, isConnected: { !Task.isCancelled }) { events in
                    try await Self.write(events, to: writer, timeout: writeTimeout)
                }
            }
            return [:]
        }
    }

    /// One batch; a client that does not take it within `timeout` is cut off.
    static func write(_ events: [AuditEvent], to writer: RPCWriter<Tether_V1_WatchAuditResponse>, timeout: Duration) async throws {
        let message = Tether_V1_WatchAuditResponse.with { $0.events = events.map(Tether_V1_AuditRecord.init) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await writer.write(message) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw APIError(.tooManyRequests, code: "slow-client", "the client took no audit records for \(timeout); reconnect with after=LAST_ID")
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
