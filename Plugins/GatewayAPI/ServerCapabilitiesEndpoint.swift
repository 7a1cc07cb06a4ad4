import Contracts
import Hummingbird
import Kernel

/// `GET /v1/servers/{id}/capabilities`: what the server's BMC supports (IPMI, Redfish, power,
/// serial console kinds, VNC...) as its agent's plugins detected it, so clients offer only
/// what works. Answered from the gateway's `routing` directory, without asking the agent;
/// the last known capabilities of an offline agent's server come with `online: false`.
struct ServerCapabilitiesEndpoint: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let timeout: Duration

    /// The body of the answer.
    struct Reply: Codable, Sendable {
        var server: ServerID
        var online: Bool
        var capabilities: [Inventory.Capability]
    }

    func register(on servers: RouterGroup<BasicRequestContext>) {
        servers.get("capabilities") { request, context in try await self.capabilities(request, context) }
    }

    func capabilities(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        _ = try await authorizer.authorize(request.headers, .view, on: server)
        let list: Routing.List.Reply
        do { list = try await bus.ask(Routing.List(), timeout: timeout) } catch { throw GatewayError.from(error, asking: Routing.List.topic) }
        guard let entry = list.servers.first(where: { $0.server == server }) else {
            throw GatewayError.notFound("no agent has registered server \(server); check the name with `tether server list`")
        }
        // In the declaration order (protocols, then features, then consoles), not routing's.
        let capabilities = Inventory.Capability.allCases.filter(entry.capabilities.contains)
        return try JSONResponse.make(Reply(server: entry.server, online: entry.online, capabilities: capabilities))
    }
}
