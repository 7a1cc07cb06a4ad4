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
        let operations = ServerOperations(bus: bus, authorizer: authorizer, timeout: timeout)
        return try JSONResponse.make(try await operations.capabilities(request.headers, server: server))
    }
}
