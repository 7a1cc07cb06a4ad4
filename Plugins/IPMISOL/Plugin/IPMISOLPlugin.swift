import Contracts
import Foundation
import Kernel
import Logging
import ServiceLifecycle

/// `ipmi-sol`: power, boot device, BMC info, event log and one shared Serial-over-LAN
/// console per server, spoken natively over IPMI v2.0 RMCP+ (no ipmitool subprocess).
public actor IPMISOLPlugin: Plugin {
    public static let id: PluginID = "ipmi-sol"
    public static let summary = "IPMI v2.0 RMCP+ power, boot, BMC info, event log and shared SOL consoles"

    let config: Config
    let context: PluginContext
    let bmcs: [ServerID: ManagedBMC]
    let hubs: [ServerID: ConsoleHub]
    let discoveryRanges: [IPv4Range]
    var discovered: IPMIDiscovery.List.Reply = .init(found: [], probedAt: nil)

    /// The most addresses `discovery.ranges` may cover together.
    static let maximumProbedAddresses = 4096

    public init(config: Config, context: PluginContext) throws {
        guard (1024...(256 << 20)).contains(config.consoleScrollbackBytes) else {
            throw IPMISOLConfigError(path: "consoleScrollbackBytes", reason: "\(config.consoleScrollbackBytes) is not in 1024...268435456")
        }
        var bmcs: [ServerID: ManagedBMC] = [:]
        var hubs: [ServerID: ConsoleHub] = [:]
        for (index, server) in config.servers.enumerated() {
            let settings = try BMCSettings(server, at: "servers[\(index)]", resolvePath: { context.resolvePath($0) })
            guard bmcs[settings.name] == nil else {
                throw IPMISOLConfigError(path: "servers[\(index)].name", reason: "\(settings.name) is listed twice")
            }
            let bmc = ManagedBMC(settings: settings, logger: context.logger)
            bmcs[settings.name] = bmc
            hubs[settings.name] = ConsoleHub(
                bmc: bmc, bus: context.bus, logger: context.logger,
                scrollbackBytes: config.consoleScrollbackBytes, allowForceTakeover: config.allowForceTakeover
            )
        }
        var ranges: [IPv4Range] = []
        for (index, text) in config.discovery.ranges.enumerated() {
            do {
                ranges.append(try IPv4Range(parsing: text))
            } catch {
                throw IPMISOLConfigError(path: "discovery.ranges[\(index)]", reason: error.reason)
            }
        }
        guard ranges.reduce(0, { $0 + $1.count }) <= Self.maximumProbedAddresses else {
            throw IPMISOLConfigError(path: "discovery.ranges", reason: "more than \(Self.maximumProbedAddresses) addresses in all")
        }
        guard (1...65535).contains(config.discovery.port) else {
            throw IPMISOLConfigError(path: "discovery.port", reason: "\(config.discovery.port) is not in 1...65535")
        }
        guard config.discovery.timeoutMilliseconds > 0, config.discovery.intervalSeconds > 0 else {
            throw IPMISOLConfigError(path: "discovery", reason: "timeoutMilliseconds and intervalSeconds must be positive")
        }
        self.config = config
        self.context = context
        self.bmcs = bmcs
        self.hubs = hubs
        self.discoveryRanges = ranges
    }

    public nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Inventory.List.self) { _, _ in self.inventory() }
        routes.answer(Power.Set.self) { request, _ in try await self.bmc(request.server).powerSet(request.action) }
        routes.answer(Power.Status.self) { request, _ in try await self.bmc(request.server).powerStatus() }
        routes.answer(Boot.Set.self) { request, _ in try await self.bmc(request.server).bootSet(request) }
        routes.answer(Boot.Get.self) { request, _ in try await self.bmc(request.server).bootGet() }
        routes.answer(BMC.Info.self) { request, _ in try await self.bmc(request.server).info() }
        routes.answer(SystemEventLog.List.self) { request, _ in try await self.bmc(request.server).events() }
        routes.answer(SystemEventLog.Clear.self) { request, _ in try await self.bmc(request.server).clearEvents() }
        routes.accept(SerialConsole.Attach.self) { request, duplex, caller in
            let options = ConsoleHub.Options(force: request.force, scrollback: true, readOnly: false)
            try await self.hub(request.server).attach(options, duplex: duplex, caller: caller)
        }
        routes.accept(IPMIConsole.Attach.self) { request, duplex, caller in
            let options = ConsoleHub.Options(force: request.force, scrollback: request.scrollback, readOnly: request.readOnly)
            try await self.hub(request.server).attach(options, duplex: duplex, caller: caller)
        }
        routes.answer(IPMIConsole.Status.self) { request, _ in try await self.hub(request.server).status() }
        routes.answer(IPMIDiscovery.List.self) { request, _ in try await self.discoveryList(refresh: request.refresh) }
    }

    public func run() async throws {
        for bmc in bmcs.values where bmc.settings.allowsInsecureSuites {
            context.logger.warning("cipher suite policy allows suites without encryption (0-2)", metadata: [
                "ipmi.server": "\(bmc.settings.name)", "ipmi.cipherSuitePolicy": "\(bmc.settings.policyName)",
            ])
        }
        await withDiscardingTaskGroup { group in
            if !discoveryRanges.isEmpty {
                group.addTask { await self.discoverPeriodically() }
            }
            group.addTask { try? await gracefulShutdown() }
        }
        await shutdown()
    }

    nonisolated func inventory() -> Inventory.List.Reply {
        let capabilities: [Inventory.Capability] = [.ipmi, .power, .boot, .eventLog, .serialIPMI]
        let servers = bmcs.keys.sorted().map {
            Inventory.Server(id: $0, capabilities: capabilities, managedBy: context.instance.rawValue)
        }
        return .init(servers: servers)
    }

    nonisolated func bmc(_ server: ServerID) throws -> ManagedBMC {
        guard let bmc = bmcs[server] else { throw IPMISOLError.unknownServer(server, known: bmcs.keys.sorted()) }
        return bmc
    }

    nonisolated func hub(_ server: ServerID) throws -> ConsoleHub {
        guard let hub = hubs[server] else { throw IPMISOLError.unknownServer(server, known: bmcs.keys.sorted()) }
        return hub
    }

    /// Consoles first (Deactivate Payload), then the sessions (Close Session).
    private func shutdown() async {
        await withDiscardingTaskGroup { group in
            for hub in hubs.values { group.addTask { await hub.stop() } }
        }
        await withDiscardingTaskGroup { group in
            for bmc in bmcs.values { group.addTask { await bmc.close() } }
        }
    }
}
