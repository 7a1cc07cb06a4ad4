import Logging
import Synchronization

/// The state one node's bus shares between every ``Bus`` handle: the route table, the asks
/// waiting on links, metrics.
final class BusCore: Sendable {
    let node: NodeID
    let table: Mutex<RouteTable>
    let pending = PendingAsks()
    let meters = BusMeters()
    let linkWatchers = LinkWatchers()
    let logger: Logger

    init(node: NodeID, logger: Logger) {
        self.node = node
        self.table = Mutex(RouteTable(node: node))
        self.logger = logger
    }

    func resolve(_ topic: Topic, _ destination: Destination) throws(BusError) -> RouteTable.Target {
        try table.withLock { table throws(BusError) in try table.resolve(topic, destination) }
    }

    func link(to node: NodeID) -> (any Link)? {
        table.withLock { $0.remote[node]?.link }
    }
}
