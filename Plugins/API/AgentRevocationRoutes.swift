import Auth
import Foundation
import Hummingbird
import Kernel

/// `POST /v1/agents/{node}/revoke`: refuses every credential the agent holds now, until it
/// enrols again with a new enrolment token (superadmins only; audited as `agent.revoked`).
extension APIRoutes {
    func registerAgentRevocation(on router: Router<APIRequestContext>) {
        router.post("/v1/agents/:node/revoke") { request, context in
            var request = request
            let token = try Self.bearer(request)
            let raw = try context.parameters.require("node")
            let node = raw.removingPercentEncoding ?? raw
            _ = try await StrictJSON.decode(EmptyBody.self, from: &request, limit: maxBodyBytes)
            let reply = try await bus.ask(Manager.RevokeAgent(loginToken: token, node: node, source: context.sourceAddress), timeout: timeout)
            return try Self.json(reply)
        }
    }
}
