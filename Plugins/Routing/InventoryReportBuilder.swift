import Contracts
import Kernel

/// What `routing` reports to the manager, from its routes. Pure.
enum InventoryReportBuilder {
    /// One agent per node (this gateway included when it manages servers itself), online when
    /// its link is up, with its `tether` version when known and its servers sorted by ID.
    static func agents(from entries: [Routing.Entry], versions: [NodeID: String] = [:]) -> [ManagerInventory.Agent] {
        Dictionary(grouping: entries, by: \.node)
            .map { node, entries in
                ManagerInventory.Agent(
                    node: node, version: versions[node], online: entries.contains(where: \.online),
                    servers: entries.sorted { $0.server < $1.server }.map { .init(id: $0.server, capabilities: $0.capabilities.map(\.rawValue)) })
            }
            .sorted { $0.node.rawValue < $1.node.rawValue }
    }
}
