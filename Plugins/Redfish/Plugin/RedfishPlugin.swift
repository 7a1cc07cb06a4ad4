import Contracts
import Foundation
import Kernel
import Logging
import ServiceLifecycle

/// Power, boot, BMC facts, sensors, event log, console discovery and capabilities of
/// servers whose BMCs speak Redfish.
public actor RedfishPlugin: Plugin {
    public static let id: PluginID = "redfish"
    public static let summary = "Redfish BMCs: power, boot override, BMC info, sensors, event log, console discovery, capabilities"

    let context: PluginContext
    let box: HTTPClientBox
    let servers: [ServerID: RedfishServer]
    let order: [ServerID]
    let redactor: SecretRedactor
    let inventoryWait: Duration

    public init(config: Config, context: PluginContext) throws {
        let validated = try config.validated()
        self.context = context
        let box = HTTPClientBox(timeoutSeconds: config.requestTimeoutSeconds)
        self.box = box
        var servers: [ServerID: RedfishServer] = [:]
        for entry in validated {
            let trust: TLSTrust = if case .pinned(let path) = entry.trust { .pinned(path: context.resolvePath(path).path) } else { entry.trust }
            let connection = RedfishConnection(
                server: entry.config.name, address: entry.address, trust: trust,
                credentials: Credentials(username: entry.config.username, password: entry.config.password), box: box,
                timeoutSeconds: config.requestTimeoutSeconds, logger: context.logger)
            servers[entry.config.name] = RedfishServer(
                name: entry.config.name, connection: connection, systemID: entry.config.systemId, ipmiConfigured: entry.config.ipmi,
                powerWaitSeconds: config.powerWaitSeconds, capabilityCacheSeconds: config.capabilityCacheSeconds, logger: context.logger)
        }
        self.servers = servers
        order = validated.map(\.config.name)
        redactor = SecretRedactor(validated.map(\.config.password))
        inventoryWait = .seconds(config.inventoryWaitSeconds)
    }

    public nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Power.Set.self) { request, _ in
            try await self.on(request.server) { try await $0.setPower(request.action) }
            return .init(server: request.server, action: request.action)
        }
        routes.answer(Power.Status.self) { request, _ in
            .init(server: request.server, state: try await self.on(request.server) { try await $0.powerState() })
        }
        routes.answer(Boot.Set.self) { request, _ in try await self.on(request.server) { try await $0.setBoot(request) } }
        routes.answer(Boot.Get.self) { request, _ in try await self.on(request.server) { try await $0.bootSetting() } }
        routes.answer(BMC.Info.self) { request, _ in try await self.on(request.server) { try await $0.bmcInfo() } }
        routes.answer(SystemEventLog.List.self) { request, _ in
            .init(entries: try await self.on(request.server) { try await $0.eventLog() })
        }
        routes.answer(Inventory.List.self) { _, _ in await self.inventory() }
        routes.answer(RedfishMessages.SystemShow.self) { request, _ in try await self.on(request.server) { try await $0.details() } }
        routes.answer(RedfishMessages.Sensors.self) { request, _ in try await self.on(request.server) { try await $0.sensors() } }
        routes.answer(RedfishMessages.Reset.self) { request, _ in
            try await self.on(request.server) { try await $0.reset(request.resetType) }
            return .init(server: request.server, resetType: request.resetType)
        }
    }

    /// Waits for shutdown, then deletes this instance's sessions and closes its HTTP client.
    public func run() async throws {
        context.logger.info("redfish ready", metadata: ["servers": "\(order.joined(separator: ","))"])
        do { try await gracefulShutdown() } catch {}
        // An unstructured task: the sessions are deleted even when run() was cancelled.
        await Task { await self.close() }.value
    }

    /// Runs `body` on the named server; errors leave with every configured password removed.
    nonisolated func on<T: Sendable>(_ name: ServerID, _ body: (RedfishServer) async throws -> T) async throws -> T {
        guard let server = servers[name] else { throw RedfishError.unknownServer(name: name, known: order).redacting(redactor) }
        do { return try await body(server) } catch let error as RedfishError { throw error.redacting(redactor) }
    }

    /// Every server with the capabilities its BMC reports; one not detected within
    /// `inventoryWaitSeconds` (unreachable, slow) is listed with none.
    func inventory() async -> Inventory.List.Reply {
        let managedBy = context.instance.rawValue
        let found = await withTaskGroup(of: (ServerID, [Inventory.Capability]).self) { group in
            for (name, server) in servers {
                group.addTask { [inventoryWait] in (name, await server.capabilities(within: inventoryWait) ?? []) }
            }
            var result: [ServerID: [Inventory.Capability]] = [:]
            for await (name, capabilities) in group { result[name] = capabilities }
            return result
        }
        return .init(servers: order.map { Inventory.Server(id: $0, capabilities: found[$0] ?? [], managedBy: managedBy) })
    }

    private func close() async {
        await withTaskGroup(of: Void.self) { group in
            for server in servers.values { group.addTask { await server.connection.close() } }
        }
        await box.shutdown()
    }
}
