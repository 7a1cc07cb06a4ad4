import Auth
import HTTPTypes
import Hummingbird
import Kernel

/// `POST /v1/agents/enrolment-tokens`: an enrolment token for one agent at one gateway,
/// signed by the manager's `auth` (superadmins only).
extension APIRoutes {
    func registerEnrolment(on router: Router<APIRequestContext>) {
        router.post("/v1/agents/enrolment-tokens") { request, context in
            var request = request
            let token = try Self.bearer(request)
            let body = try await StrictJSON.decode(EnrolmentTokenBody.self, from: &request, limit: maxBodyBytes)
            let reply = try await bus.ask(
                Manager.IssueEnrolmentToken(
                    loginToken: token, node: body.node, gateway: body.gateway, ttlSeconds: body.ttlSeconds, source: context.sourceAddress),
                timeout: timeout)
            return try Self.json(reply, status: .created)
        }
    }
}
