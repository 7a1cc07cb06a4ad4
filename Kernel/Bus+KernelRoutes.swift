extension Bus {
    /// Routes the kernel itself serves on every node, as `kernel@node`, for the life of the bus.
    func serveKernelRoutes(role: String) {
        var routes = Routes()
        let bus = self
        routes.answer(NodeDescription.self) { _, _ in
            var instances = bus.localTopics
            instances["kernel"] = nil
            return NodeDescription.Reply(node: bus.node, role: role, instances: instances, version: TetherVersion.current)
        }
        let address = Address(instance: "kernel", node: core.node)
        core.table.withLock { table in
            for (topic, handler) in routes.handlers {
                table.local[topic, default: [:]]["kernel"] = RouteTable.LocalRoute(address: address, handler: handler)
            }
        }
    }
}
