import Contracts
import Kernel
import NIOCore

/// Stands in for a protocol plugin on an agent: power, boot, BMC facts and an event log from
/// memory, and an echoing serial console that greets with `console of <server>\r\n`.
/// Console input `!drop` fails the stream as a dropped link would; `!close` ends it.
/// `slow-01` never answers BMC info in time; `lab-03` has no event log.
package actor FakeBMCPlugin: Plugin {
    package static let id: PluginID = "fake-bmc"

    package struct Unsupported: CodedError {
        package var code: String { "unsupported" }
        package var message: String { "this BMC has no system event log" }
    }

    package struct Config: PluginConfig {
        package var servers: [String] = ["lab-01", "lab-02", "lab-03", "slow-01"]
        package init() {}
    }

    package let servers: [ServerID]
    package let name: PluginID
    package var power: [ServerID: Power.State] = [:]
    package var boot: [ServerID: Boot.Setting] = [:]
    package var events: [ServerID: [SystemEventLog.Entry]] = [:]

    package init(config: Config, context: PluginContext) {
        servers = config.servers
        name = context.instance
    }

    package nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Inventory.List.self) { _, _ in
            .init(servers: self.servers.map { .init(id: $0, capabilities: [.ipmi, .power, .serialIPMI], managedBy: self.name.rawValue) })
        }
        routes.answer(Power.Status.self) { request, _ in await .init(server: request.server, state: self.power[request.server] ?? .off) }
        routes.answer(Power.Set.self) { request, _ in await self.setPower(request) }
        routes.answer(Boot.Get.self) { request, _ in
            await self.boot[request.server] ?? .init(server: request.server, device: .disk, persistent: true, uefi: true)
        }
        routes.answer(Boot.Set.self) { request, _ in await self.setBoot(request) }
        routes.answer(BMC.Info.self) { request, _ in
            if request.server == "slow-01" { try await Task.sleep(for: .seconds(30)) }
            return .init(server: request.server, manufacturer: "Tether", product: "FakeBMC", firmware: "1.0", protocolVersion: "2.0")
        }
        routes.answer(SystemEventLog.List.self) { request, _ in
            guard request.server != "lab-03" else { throw Unsupported() }
            return await .init(entries: self.events[request.server] ?? [.init(id: 1, timestamp: 1_700_000_000, summary: "Power on")])
        }
        routes.answer(SystemEventLog.Clear.self) { request, _ in
            await self.clearEvents(request.server)
            return .init()
        }
        routes.accept(SerialConsole.Attach.self) { request, duplex, _ in try await Self.console(request.server, duplex) }
    }

    package func setPower(_ request: Power.Set) -> Power.Set.Reply {
        power[request.server] = request.action == .off || request.action == .soft ? .off : .on
        return .init(server: request.server, action: request.action)
    }

    package func setBoot(_ request: Boot.Set) -> Boot.Setting {
        let setting = Boot.Setting(server: request.server, device: request.device, persistent: request.persistent, uefi: request.uefi)
        boot[request.server] = setting
        return setting
    }

    package func clearEvents(_ server: ServerID) { events[server] = [] }

    package static func console(_ server: ServerID, _ duplex: Duplex) async throws {
        try await duplex.outbound.write(ByteBuffer(string: "console of \(server)\r\n"))
        for try await buffer in duplex.inbound {
            switch String(buffer: buffer) {
            case "!drop":
                duplex.outbound.fail(BusError.unreachable(node: "agent-1"))
                return
            case "!close":
                duplex.outbound.finish()
                return
            default:
                try await duplex.outbound.write(buffer)
            }
        }
        duplex.outbound.finish()
    }
}
