import Logging
import ServiceLifecycle

/// Phase 2 of boot: runs a ``Role``'s plugins as one service group, started in manifest
/// order and shut down in reverse on SIGTERM/SIGINT (or ``shutdown()``).
public final class RoleRunner: Sendable {
    public let role: Role
    public let bus: Bus
    public let status: NodeStatus
    private let group: ServiceGroup

    /// - Parameters:
    ///   - handleSignals: listen for SIGTERM and SIGINT (the `tether run` process); tests pass false.
    ///     The process also aborts when a plugin still runs 5 s after being cancelled (past the
    ///     graceful shutdown limit), so a stuck plugin cannot keep it alive; an embedded runner
    ///     (tests) waits instead, since aborting would take the host process down with it.
    public init(role: Role, logger: Logger, handleSignals: Bool = true) {
        var logger = logger
        logger[metadataKey: "node"] = "\(role.node)"
        let bus = Bus(node: role.node, logger: logger)
        bus.serveKernelRoutes(role: role.manifest.role)
        let status = NodeStatus(instances: role.instances.map(\.entry.instance))
        let budget = RestartBudget(intensity: role.manifest.supervision.intensity, period: .seconds(role.manifest.supervision.periodSeconds))
        let services = role.instances.map { instance in
            ServiceGroupConfiguration.ServiceConfiguration(
                service: SupervisedPlugin(instance: instance, role: role, bus: bus, budget: budget, status: status, logger: logger),
                successTerminationBehavior: .ignore,
                failureTerminationBehavior: .gracefullyShutdownGroup,
                serviceName: instance.entry.instance.rawValue)
        }
        var configuration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(role.manifest.supervision.shutdownTimeoutSeconds)
        configuration.maximumCancellationDuration = handleSignals ? .seconds(5) : nil
        self.role = role
        self.bus = bus
        self.status = status
        self.group = ServiceGroup(configuration: configuration)
    }

    /// Runs until graceful shutdown.
    /// - Throws: ``SupervisionError/restartBudgetExceeded(instance:restarts:periodSeconds:lastError:)``
    ///   when a plugin failed too often; the caller exits non-zero.
    public func run() async throws {
        try await group.run()
    }

    /// Starts graceful shutdown: plugins stop in reverse manifest order.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
    }
}
