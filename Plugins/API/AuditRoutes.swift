import Auth
import Foundation
import Hummingbird
import Kernel
import Logging
import NIOCore
import Storage

/// `GET /v1/audit` (a page of records) and `GET /v1/audit/stream` (JSON lines: the backlog,
/// then records as they are appended, until the client disconnects).
extension APIRoutes {
    func registerAudit(on router: Router<APIRequestContext>) {
        router.get("/v1/audit") { request, context in
            let query = try AuditQueryParameters.query(request.uri.queryParameters, loginToken: try Self.bearer(request), source: context.sourceAddress)
            return try Self.json(try await bus.ask(query, timeout: timeout))
        }
        router.get("/v1/audit/stream") { request, context in try await auditStream(request, context) }
    }

    func auditStream(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = try AuditQueryParameters.streamQuery(request.uri.queryParameters, loginToken: try Self.bearer(request), source: context.sourceAddress)
        let follower = AuditFollower(bus: bus, timeout: timeout, pollInterval: auditStream.pollInterval)
        let cursor = try await follower.open(query)
        let channel = context.channel
        let writeTimeout = auditStream.writeTimeout
        let metadata: Logger.Metadata = ["api.client": "\(context.sourceAddress)"]
        let logger = self.logger
        logger.info("audit stream opened", metadata: metadata)
        let body = ResponseBody { writer in
            do {
                let end = try await follower.follow(cursor, isConnected: { channel.isActive }) { events in
                    try await Self.write(events, to: &writer, channel: channel, timeout: writeTimeout, logger: logger, metadata: metadata)
                }
                logger.info("audit stream ended", metadata: metadata.merging(["api.reason": "\(end.rawValue)"]) { $1 })
                try await writer.finish(nil)
            } catch {
                // The status is sent already: end the stream; the client resumes with after=LAST_ID.
                logger.info("audit stream ended", metadata: metadata.merging(["api.reason": "\(error)"]) { $1 })
                channel.close(promise: nil)
                throw error
            }
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson", .cacheControl: "no-store"], body: body)
    }

    /// One batch as JSON lines; a client that does not take it within `timeout` is cut off.
    static func write(
        _ events: [AuditEvent], to writer: inout any ResponseBodyWriter, channel: any Channel, timeout: Duration, logger: Logger,
        metadata: Logger.Metadata
    ) async throws {
        var buffer = ByteBuffer()
        for event in events {
            buffer.writeString(try AuditJSONLine(event).encoded())
            buffer.writeString("\n")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Task.sleep(for: timeout)
                logger.warning(
                    "audit stream cut off: the client took no data for \(timeout)",
                    metadata: metadata.merging(["api.reason": "slow client"]) { $1 })
                channel.close(promise: nil)
            }
            try await writer.write(buffer)
            group.cancelAll()
        }
    }
}
