import Contracts

extension RedfishServer {
    /// The system event log: the system's (else the manager's) log service that looks most
    /// like the SEL, all its entries (paged, bounded).
    func eventLog() async throws(RedfishError) -> [SystemEventLog.Entry] {
        let system = try await system()
        var servicesPath = system.logServicesPath
        if servicesPath == nil { servicesPath = try await manager(of: system)?.logServicesPath }
        guard let servicesPath else { throw .notSupported(server: name, what: "a system event log (no LogServices)") }
        var services: [LogService] = []
        for path in ResourceCollection(json: try await connection.get(servicesPath)).memberPaths.prefix(16) {
            services.append(LogService(json: try await connection.get(path), path: path))
        }
        guard let best = services.enumerated().max(by: { ($0.element.eventLogRank, -$0.offset) < ($1.element.eventLogRank, -$1.offset) })?.element
        else { throw .notSupported(server: name, what: "a system event log (LogServices is empty)") }
        guard let entries = best.entriesPath else { throw .notSupported(server: name, what: "log entries in \(best.path)") }
        let members = try await expandedMembers(of: entries) { $0["Message"] != .null || $0["Created"] != .null }
        return members.enumerated().map { EventLogMapping.entry(LogEntry(json: $1), position: $0 + 1) }
    }
}
