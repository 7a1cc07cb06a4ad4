import Auth
import GRPCCore
import Kernel
import TetherAPIProto

/// The manager's gRPC API (`tether.v1.Manager`, see `Plugins/APIProto`): each RPC asks the
/// same bus message with the same arguments as its REST twin in ``APIRoutes``, so `auth`
/// decides, audits and refuses alike; refusals become gRPC statuses (``APIError/rpcError``).
struct ManagerGRPCService: Tether_V1_Manager.ServiceProtocol {
    let bus: Bus
    let timeout: Duration
    let auditStream: AuditStreamSettings

    /// The login token of the call's `authorization: Bearer` metadata.
    static func bearer(_ metadata: Metadata) throws -> String {
        try APIRoutes.bearer(authorization: metadata[stringValues: "authorization"].first(where: { _ in true }))
    }

    func login(request: ServerRequest<Tether_V1_LoginRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_LoginResponse> {
        try await APIError.answeringRPC {
            let message = request.message
            let token = try await bus.ask(
                Manager.Login(username: message.username, password: message.password, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with { $0.token = .init(token) })
        }
    }

    func refresh(request: ServerRequest<Tether_V1_RefreshRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_RefreshResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let fresh = try await bus.ask(Manager.Refresh(loginToken: token, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with { $0.token = .init(fresh) })
        }
    }

    func whoAmI(request: ServerRequest<Tether_V1_WhoAmIRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_WhoAmIResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let me = try await bus.ask(Manager.Authenticate(loginToken: token, action: "whoami", source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with {
                $0.userID = me.userID
                $0.name = me.name
                $0.superadmin = me.superadmin
                $0.roles = me.roles.mapValues(\.rawValue)
            })
        }
    }

    func listServers(
        request: ServerRequest<Tether_V1_ListServersRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_ListServersResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let reply = try await bus.ask(Manager.ListServers(loginToken: token, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with { $0.servers = reply.servers.map(Tether_V1_ManagedServer.init) })
        }
    }

    func getServer(request: ServerRequest<Tether_V1_GetServerRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_GetServerResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let view = try await bus.ask(
                Manager.ShowServer(loginToken: token, server: request.message.server, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with { $0.server = .init(view) })
        }
    }

    func issueSessionToken(
        request: ServerRequest<Tether_V1_IssueSessionTokenRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_IssueSessionTokenResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let message = request.message
            let actions = try message.actions.isEmpty ? nil : message.actions.map(Self.action)
            let reply = try await bus.ask(
                Manager.IssueSessionToken(loginToken: token, server: message.server, actions: actions, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with {
                $0.token = .init(reply.token)
                $0.gateway = reply.gateway
                if let url = reply.gatewayURL { $0.gatewayURL = url }
                $0.actions = reply.actions.map(\.rawValue)
            })
        }
    }

    func listGateways(
        request: ServerRequest<Tether_V1_ListGatewaysRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_ListGatewaysResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let reply = try await bus.ask(Manager.ListGateways(loginToken: token, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with { $0.gateways = reply.gateways.map(Tether_V1_ManagedGateway.init) })
        }
    }

    func listAgents(request: ServerRequest<Tether_V1_ListAgentsRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_ListAgentsResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let reply = try await bus.ask(Manager.ListAgents(loginToken: token, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with { $0.agents = reply.agents.map(Tether_V1_ManagedAgent.init) })
        }
    }

    func assignServer(
        request: ServerRequest<Tether_V1_AssignServerRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_AssignServerResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let message = request.message
            let reply = try await bus.ask(
                Manager.AssignServer(loginToken: token, server: message.server, tenant: message.tenant, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with {
                $0.server = reply.server
                if let tenant = reply.tenant { $0.tenant = tenant }
                if let previous = reply.previousTenant { $0.previousTenant = previous }
            })
        }
    }

    func unassignServer(
        request: ServerRequest<Tether_V1_UnassignServerRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_UnassignServerResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let reply = try await bus.ask(
                Manager.AssignServer(loginToken: token, server: request.message.server, tenant: nil, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with {
                $0.server = reply.server
                if let previous = reply.previousTenant { $0.previousTenant = previous }
            })
        }
    }

    func issueEnrolmentToken(
        request: ServerRequest<Tether_V1_IssueEnrolmentTokenRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_IssueEnrolmentTokenResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let message = request.message
            let ttl = try message.hasTtlSeconds ? Self.integer(message.ttlSeconds, name: "ttl_seconds") : nil
            let reply = try await bus.ask(
                Manager.IssueEnrolmentToken(loginToken: token, node: message.node, gateway: message.gateway, ttlSeconds: ttl, source: context.sourceAddress),
                timeout: timeout)
            return ServerResponse(message: .with {
                $0.token = .init(reply.token)
                $0.node = reply.node
                $0.gateway = reply.gateway
                $0.tokenID = reply.tokenID
            })
        }
    }

    func revokeAgent(
        request: ServerRequest<Tether_V1_RevokeAgentRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_RevokeAgentResponse> {
        try await APIError.answeringRPC {
            let token = try Self.bearer(request.metadata)
            let reply = try await bus.ask(
                Manager.RevokeAgent(loginToken: token, node: request.message.node, source: context.sourceAddress), timeout: timeout)
            return ServerResponse(message: .with {
                $0.node = reply.node
                $0.revokedAt = Int64(reply.revokedAt.timeIntervalSince1970.rounded(.down))
            })
        }
    }

    /// A `ServerAction` by its REST name; an unknown one is refused as REST refuses it.
    static func action(_ name: String) throws -> ServerAction {
        guard let action = ServerAction(rawValue: name) else {
            throw APIError(
                .badRequest, code: "bad-request",
                "unknown action \(name.prefix(40)); known: \(ServerAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return action
    }

    /// A wire integer that must fit an `Int` (always, on 64-bit platforms; never a trap).
    static func integer(_ value: Int64, name: String) throws -> Int {
        guard let int = Int(exactly: value) else { throw APIError(.badRequest, code: "bad-request", "\(name) is out of range") }
        return int
    }
}
