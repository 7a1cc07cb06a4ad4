/// How `GET /v1/audit/stream` (and the gRPC audit watch) follow the log.
struct AuditStreamSettings: Sendable {
    /// How often a stream asks for new records once it has caught up.
    var pollInterval: Duration = .seconds(1)
    /// A client that does not take a batch within this time is cut off (logged), so a slow
    /// reader costs at most one batch of memory.
    var writeTimeout: Duration = .seconds(30)
}
