import Contracts
import Hummingbird
import Kernel

/// The REST endpoints of one server: `/v1/servers/{id}/...`. Each checks the token, then
/// asks whichever agent plugin manages the server.
struct ServerEndpoints: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let timeout: Duration
    let maxBodyBytes: Int

    func register(on router: Router<BasicRequestContext>) {
        let servers = router.group("v1/servers/:id")
        servers.get("power") { request, context in try await self.powerStatus(request, context) }
        servers.post("power") { request, context in try await self.setPower(request, context) }
        servers.get("boot") { request, context in try await self.bootSetting(request, context) }
        servers.put("boot") { request, context in try await self.setBoot(request, context) }
        servers.get("bmc") { request, context in try await self.bmcInfo(request, context) }
        servers.get("events") { request, context in try await self.events(request, context) }
        servers.delete("events") { request, context in try await self.clearEvents(request, context) }
        ServerCapabilitiesEndpoint(bus: bus, authorizer: authorizer, timeout: timeout).register(on: servers)
    }

    var operations: ServerOperations { ServerOperations(bus: bus, authorizer: authorizer, timeout: timeout) }

    func powerStatus(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        return try JSONResponse.make(try await operations.powerStatus(request.headers, server: server))
    }

    func setPower(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        // The token is checked before the body is read, so a refusal does not depend on it.
        let principal = try await operations.admitAudited(request.headers, .power, on: server, audit: "power.set")
        let bytes = try await request.collectBody(limit: maxBodyBytes)
        let body = try JSONObjectReader(bytes, allowed: ["action"], example: #"{"action": "on"}"#)
        let action = try body.requiredCase("action", of: Power.Action.self)
        return try JSONResponse.make(
            try await operations.audited("power.set", server, principal, detail: "action: \(action.rawValue)") {
                try await ask(Power.Set(server: server, action: action))
            })
    }

    func bootSetting(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        return try JSONResponse.make(try await operations.bootSetting(request.headers, server: server))
    }

    func setBoot(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try ServerName.parse(context.parameters.get("id"))
        let principal = try await operations.admitAudited(request.headers, .power, on: server, audit: "boot.set")
        let bytes = try await request.collectBody(limit: maxBodyBytes)
        let body = try JSONObjectReader(bytes, allowed: ["device", "persistent", "uefi"], example: #"{"device": "pxe", "persistent": false}"#)
        let set = Boot.Set(
            server: server, device: try body.requiredCase("device", of: Boot.Device.self),
            persistent: try body.optionalBool("persistent", default: false), uefi: try body.optionalBool("uefi", default: false))
        return try JSONResponse.make(
            try await operations.audited("boot.set", server, principal, detail: "device: \(set.device.rawValue)") { try await ask(set) })
    }

    func bmcInfo(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try await admit(request, context, .view)
        return try JSONResponse.make(try await ask(BMC.Info(server: server)))
    }

    func events(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try await admit(request, context, .view)
        return try JSONResponse.make(try await ask(SystemEventLog.List(server: server)))
    }

    /// Clearing the log changes the BMC, so it takes the `power` (control) permission.
    func clearEvents(_ request: Hummingbird.Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try await admit(request, context, .power)
        _ = try await ask(SystemEventLog.Clear(server: server))
        return Response(status: .noContent, headers: [.cacheControl: "no-store"])
    }

    /// The server named in the path, once the caller may do `action` on it.
    private func admit(_ request: Hummingbird.Request, _ context: BasicRequestContext, _ action: Auth.Action) async throws -> String {
        let server = try ServerName.parse(context.parameters.get("id"))
        _ = try await authorizer.authorize(request.headers, action, on: server)
        return server
    }

    private func ask<R: Kernel.Request & ServerScoped>(_ request: R) async throws -> R.Reply {
        try await operations.ask(request)
    }
}
