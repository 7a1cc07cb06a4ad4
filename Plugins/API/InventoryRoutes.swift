import Auth
import Hummingbird
import Kernel

/// `GET /v1/gateways` and `GET /v1/agents`, answered by the manager's `inventory` plugin.
extension APIRoutes {
    func registerInventory(on router: Router<APIRequestContext>) {
        router.get("/v1/gateways") { request, context in
            let token = try Self.bearer(request)
            return try Self.json(try await bus.ask(Manager.ListGateways(loginToken: token, source: context.sourceAddress), timeout: timeout))
        }
        router.get("/v1/agents") { request, context in
            let token = try Self.bearer(request)
            return try Self.json(try await bus.ask(Manager.ListAgents(loginToken: token, source: context.sourceAddress), timeout: timeout))
        }
    }
}
