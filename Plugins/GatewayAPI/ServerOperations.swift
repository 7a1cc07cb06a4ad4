import Contracts
import Hummingbird
import Kernel

/// The server operations of the gateway's client APIs, whatever carries them (REST, gRPC):
/// each checks the caller's credential (request headers, or gRPC metadata turned into them)
/// for the action on the server, then asks whichever agent plugin manages the server. Power
/// and boot changes are audited, refusals included.
struct ServerOperations: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let timeout: Duration

    func powerStatus(_ headers: HTTPFields, server: String) async throws -> Power.Status.Reply {
        _ = try await authorizer.authorize(headers, .view, on: server)
        return try await ask(Power.Status(server: server))
    }

    func setPower(_ headers: HTTPFields, server: String, action: Power.Action) async throws -> Power.Set.Reply {
        let principal = try await admitAudited(headers, .power, on: server, audit: "power.set")
        return try await audited("power.set", server, principal, detail: "action: \(action.rawValue)") {
            try await ask(Power.Set(server: server, action: action))
        }
    }

    func bootSetting(_ headers: HTTPFields, server: String) async throws -> Boot.Setting {
        _ = try await authorizer.authorize(headers, .view, on: server)
        return try await ask(Boot.Get(server: server))
    }

    func setBoot(_ headers: HTTPFields, _ set: Boot.Set) async throws -> Boot.Setting {
        let principal = try await admitAudited(headers, .power, on: set.server, audit: "boot.set")
        return try await audited("boot.set", set.server, principal, detail: "device: \(set.device.rawValue)") { try await ask(set) }
    }

    /// What the server supports, from the local `routing` directory (without asking the agent).
    func capabilities(_ headers: HTTPFields, server: String) async throws -> ServerCapabilitiesEndpoint.Reply {
        _ = try await authorizer.authorize(headers, .view, on: server)
        let list: Routing.List.Reply
        do { list = try await bus.ask(Routing.List(), timeout: timeout) } catch { throw GatewayError.from(error, asking: Routing.List.topic) }
        guard let entry = list.servers.first(where: { $0.server == server }) else {
            throw GatewayError.notFound("no agent has registered server \(server); check the name with `tether server list`")
        }
        // In the declaration order (protocols, then features, then consoles), not routing's.
        let capabilities = Inventory.Capability.allCases.filter(entry.capabilities.contains)
        return .init(server: entry.server, online: entry.online, capabilities: capabilities)
    }

    func ask<R: Kernel.Request & ServerScoped>(_ request: R) async throws -> R.Reply {
        do {
            return try await bus.askServer(request, timeout: timeout)
        } catch {
            throw GatewayError.from(error, asking: R.topic)
        }
    }
}
