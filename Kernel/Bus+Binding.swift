extension Bus {
    /// Serves `routes` as `instance` on this node while `body` runs; a crashed or stopped
    /// instance stops receiving messages at once.
    /// - Throws: when another running instance already uses that name.
    public func binding<T: Sendable>(
        _ instance: PluginID, routes: Routes, while body: () async throws -> T
    ) async throws -> T {
        let address = Address(instance: instance, node: core.node)
        try core.table.withLock { table throws(BusError) in
            for (topic, _) in routes.handlers where table.local[topic]?[instance] != nil {
                throw BusError.remote(code: "duplicate-instance", message: "\(address) already serves \(topic)")
            }
            for (topic, handler) in routes.handlers {
                table.local[topic, default: [:]][instance] = RouteTable.LocalRoute(address: address, handler: handler)
            }
        }
        defer {
            core.table.withLock { table in
                for topic in routes.handlers.keys {
                    table.local[topic]?[instance] = nil
                    if table.local[topic]?.isEmpty == true { table.local[topic] = nil }
                }
            }
        }
        return try await body()
    }

    /// The topics served on this node, by instance.
    public var localTopics: [PluginID: [Topic]] {
        core.table.withLock { table in
            var result: [PluginID: [Topic]] = [:]
            for (topic, routes) in table.local {
                for instance in routes.keys { result[instance, default: []].append(topic) }
            }
            return result.mapValues { $0.sorted { $0.rawValue < $1.rawValue } }
        }
    }

    /// Every topic served on this node.
    public var servedTopics: Set<Topic> {
        core.table.withLock { Set($0.local.keys) }
    }

    /// Asks waiting on links (for tests that check nothing leaks).
    public var pendingAskCount: Int { core.pending.count }

    /// Whether the timer task that fails overdue remote asks is running (for tests that check
    /// it ends with the last waiting ask).
    public var isAskTimerRunning: Bool { core.pending.hasTimer }
}
