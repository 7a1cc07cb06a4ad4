import CoreMetrics
import Logging
import ServiceLifecycle

/// One manifest entry as a service: builds the plugin, binds its routes for as long as
/// `run()` runs, and rebuilds a fresh instance with backoff after a failure, within the
/// node's restart budget (OTP `one_for_one`).
struct SupervisedPlugin: Service {
    let instance: Role.Instance
    let role: Role
    let bus: Bus
    let budget: RestartBudget
    let status: NodeStatus
    let logger: Logger

    func run() async throws {
        let name = instance.entry.instance
        let policy = role.manifest.supervision
        var backoff = Backoff(
            initial: .milliseconds(policy.backoffInitialMilliseconds), maximum: .seconds(policy.backoffMaximumSeconds))
        let restarts = CoreMetrics.Counter(label: "tether_plugin_restarts_total", dimensions: [("instance", name.rawValue)])
        var attempt = 0
        while true {
            do {
                try await runOnce()
                status.set(name, .stopped)
                if instance.entry.restart != .permanent || isStopping { return }
                throw SupervisionError.unexpectedReturn(instance: name)
            } catch {
                if isStopping {
                    status.set(name, .stopped)
                    return
                }
                let restartable: Bool =
                    switch instance.entry.restart {
                    case .permanent: true
                    case .transient: !(error is SupervisionError)
                    case .temporary: false
                    }
                guard restartable else {
                    status.set(name, .failed(reason: "\(error)"))
                    logger.error("plugin stopped and is not restarted", metadata: ["plugin.instance": "\(name)", "error": "\(error)"])
                    return
                }
                do {
                    try budget.spend(for: name, after: error)
                } catch {
                    status.set(name, .failed(reason: "\(error)"))
                    logger.critical("restart budget exceeded", metadata: ["plugin.instance": "\(name)", "error": "\(error)"])
                    throw error
                }
                attempt += 1
                restarts.increment()
                let delay = backoff.next()
                status.set(name, .restarting(attempt: attempt, reason: "\(error)"))
                logger.error("plugin failed; restarting", metadata: [
                    "plugin.instance": "\(name)", "error": "\(error)", "restart.delay.ms": "\(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)",
                ])
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                } catch {
                    status.set(name, .stopped)
                    return
                }
            }
        }
    }

    private var isStopping: Bool { Task.isCancelled || Task.isShuttingDownGracefully }

    private func runOnce() async throws {
        let name = instance.entry.instance
        status.set(name, .starting)
        let context = PluginContext(
            node: role.node, instance: name, role: role.manifest.role, bus: bus.sending(as: name),
            logger: logger.with(instance: name), status: status, baseDirectory: role.baseDirectory)
        let built = try await instance.make(context)
        try await bus.binding(name, routes: built.routes) {
            status.set(name, .running)
            try await built.plugin.run()
        }
    }
}

extension Logger {
    func with(instance: PluginID) -> Logger {
        var copy = self
        copy[metadataKey: "plugin.instance"] = "\(instance)"
        return copy
    }
}
