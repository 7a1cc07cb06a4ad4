import Foundation

extension SQLStore {
    @discardableResult
    public func appendAudit(_ event: AuditEvent) async throws(StoreError) -> Int64 {
        try StoreValidation.name(event.actor, "audit actor")
        try StoreValidation.name(event.action, "audit action")
        guard event.detail.count <= 2000 else { throw .invalid("audit detail is longer than 2000 characters") }
        let rows = try await database.query(
            """
            INSERT INTO audit (at, actor, action, outcome, tenant_id, server_id, source, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """,
            [.integer(event.at.millisecondsSince1970), .text(event.actor), .text(event.action), .text(event.outcome.rawValue),
             .optionalText(event.tenantID), .optionalText(event.serverID), .optionalText(event.source), .text(event.detail)])
        guard let id = try rows.first?.integer("id") else { throw .corrupt("INSERT INTO audit returned no id") }
        return id
    }

    public func audit(_ filter: AuditFilter) async throws(StoreError) -> [AuditEvent] {
        guard (1...1000).contains(filter.limit) else { throw .invalid("limit must be 1...1000, not \(filter.limit)") }
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let tenantIDs = filter.tenantIDs {
            guard !tenantIDs.isEmpty else { return [] }
            conditions.append("tenant_id IN (\(Self.placeholders(count: tenantIDs.count, from: binds.count + 1)))")
            binds += tenantIDs.map(SQLValue.text)
        }
        func add(_ value: SQLValue, _ condition: (String) -> String) {
            binds.append(value)
            conditions.append(condition("$\(binds.count)"))
        }
        if let serverID = filter.serverID { add(.text(serverID)) { "server_id = \($0)" } }
        if let action = filter.action { add(.text(action)) { "action = \($0)" } }
        if let since = filter.since { add(.integer(since.millisecondsSince1970)) { "at >= \($0)" } }
        if let until = filter.until { add(.integer(until.millisecondsSince1970)) { "at < \($0)" } }
        if let beforeID = filter.beforeID { add(.integer(beforeID)) { "id < \($0)" } }
        if let afterID = filter.afterID { add(.integer(afterID)) { "id > \($0)" } }
        binds.append(.integer(Int64(filter.limit)))
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try await database.query(
            """
            SELECT id, at, actor, action, outcome, tenant_id, server_id, source, detail FROM audit \(whereClause)
            ORDER BY id \(filter.oldestFirst ? "ASC" : "DESC") LIMIT $\(binds.count)
            """,
            binds
        ).map(Self.auditEvent)
    }

    static func auditEvent(_ row: SQLRow) throws(StoreError) -> AuditEvent {
        guard let outcome = AuditEvent.Outcome(rawValue: try row.text("outcome")) else { throw .corrupt("audit.outcome") }
        return AuditEvent(
            id: try row.integer("id"), at: Date(millisecondsSince1970: try row.integer("at")), actor: try row.text("actor"),
            action: try row.text("action"), outcome: outcome, tenantID: try row.optionalText("tenant_id"),
            serverID: try row.optionalText("server_id"), source: try row.optionalText("source"), detail: try row.text("detail"))
    }
}
