import Auth
import Hummingbird
import Kernel

/// `PUT /v1/servers/{id}/tenant` and `DELETE /v1/servers/{id}/tenant` (superadmins: who owns
/// a server), and `GET /v1/whoami` (the caller and its roles).
extension APIRoutes {
    func registerOwnership(on router: Router<APIRequestContext>) {
        router.put("/v1/servers/:id/tenant") { request, context in
            var request = request
            let token = try Self.bearer(request)
            let body = try await StrictJSON.decode(TenantAssignmentBody.self, from: &request, limit: maxBodyBytes)
            return try await assign(token: token, tenant: body.tenant, context)
        }
        router.delete("/v1/servers/:id/tenant") { request, context in
            var request = request
            let token = try Self.bearer(request)
            _ = try await StrictJSON.decode(EmptyBody.self, from: &request, limit: maxBodyBytes)
            return try await assign(token: token, tenant: nil, context)
        }
        router.get("/v1/whoami") { request, context in
            let token = try Self.bearer(request)
            return try Self.json(try await bus.ask(Manager.Authenticate(loginToken: token, action: "whoami", source: context.sourceAddress), timeout: timeout))
        }
    }

    /// The server of the path to `tenant` (nil: unassigned); `auth` decides and audits.
    func assign(token: String, tenant: String?, _ context: APIRequestContext) async throws -> Response {
        let server = try context.parameters.require("id")
        let request = Manager.AssignServer(loginToken: token, server: server, tenant: tenant, source: context.sourceAddress)
        return try Self.json(try await bus.ask(request, timeout: timeout))
    }
}
