import Contracts
import GRPCCore
import Hummingbird
import Kernel
import Logging
import TetherAPIProto

/// The gateway's gRPC API (`tether.v1.Gateway`, see `Plugins/APIProto`): the same operations
/// and checks as the REST API, through ``ServerOperations`` and ``SessionOperations``, and the
/// serial console as a bidirectional stream through the same admission and ``ConsoleSession``
/// as the WebSocket console.
struct GatewayGRPCService: Tether_V1_Gateway.ServiceProtocol {
    let servers: ServerOperations
    let sessions: SessionOperations
    let admission: ConsoleAdmission
    let requestTimeout: Duration
    let idleTimeout: Duration
    let maxMessageBytes: Int
    let logger: Logger

    func getPower(
        request: ServerRequest<Tether_V1_GetPowerRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_GetPowerResponse> {
        try await GatewayError.answeringRPC(Power.Status.topic) {
            let reply = try await servers.powerStatus(HTTPFields(grpc: request.metadata), server: try ServerName.parse(request.message.server))
            return ServerResponse(message: .with {
                $0.server = reply.server
                $0.state = .init(reply.state)
            })
        }
    }

    func setPower(
        request: ServerRequest<Tether_V1_SetPowerRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_SetPowerResponse> {
        try await GatewayError.answeringRPC(Power.Set.topic) {
            let server = try ServerName.parse(request.message.server)
            let action = try Power.Action(proto: request.message.action)
            let reply = try await servers.setPower(HTTPFields(grpc: request.metadata), server: server, action: action)
            return ServerResponse(message: .with {
                $0.server = reply.server
                $0.action = .init(reply.action)
            })
        }
    }

    func getBoot(request: ServerRequest<Tether_V1_GetBootRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_BootSetting> {
        try await GatewayError.answeringRPC(Boot.Get.topic) {
            let setting = try await servers.bootSetting(HTTPFields(grpc: request.metadata), server: try ServerName.parse(request.message.server))
            return ServerResponse(message: .init(setting))
        }
    }

    func setBoot(request: ServerRequest<Tether_V1_SetBootRequest>, context: ServerContext) async throws -> ServerResponse<Tether_V1_BootSetting> {
        try await GatewayError.answeringRPC(Boot.Set.topic) {
            let message = request.message
            let set = Boot.Set(
                server: try ServerName.parse(message.server), device: try Boot.Device(proto: message.device), persistent: message.persistent,
                uefi: message.uefi)
            return ServerResponse(message: .init(try await servers.setBoot(HTTPFields(grpc: request.metadata), set)))
        }
    }

    func getCapabilities(
        request: ServerRequest<Tether_V1_GetCapabilitiesRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_GetCapabilitiesResponse> {
        try await GatewayError.answeringRPC(Routing.List.topic) {
            let reply = try await servers.capabilities(HTTPFields(grpc: request.metadata), server: try ServerName.parse(request.message.server))
            return ServerResponse(message: .with {
                $0.server = reply.server
                $0.online = reply.online
                $0.capabilities = reply.capabilities.map(\.rawValue)
            })
        }
    }

    func createSession(
        request: ServerRequest<Tether_V1_CreateSessionRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_CreateSessionResponse> {
        try await GatewayError.answeringRPC(Session.Create.topic) {
            let server = try ServerName.parse(request.message.server)
            let kind = try Session.Kind(proto: request.message.kind)
            let created = try await sessions.create(HTTPFields(grpc: request.metadata), server: server, kind: kind)
            return ServerResponse(message: .with {
                $0.id = created.id
                $0.server = created.server
                $0.kind = .init(kind)
                $0.viewerURL = created.viewerURL
                $0.codeExpiresAt = created.expiresAt
                $0.sessionExpiresAt = created.sessionExpiresAt
            })
        }
    }

    func listSessions(
        request: ServerRequest<Tether_V1_ListSessionsRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_ListSessionsResponse> {
        try await GatewayError.answeringRPC(Session.List.topic) {
            let list = try await sessions.list(HTTPFields(grpc: request.metadata), server: try ServerName.parse(request.message.server))
            return ServerResponse(message: .with {
                $0.sessions = list.map { info in
                    .with {
                        $0.subject = info.subject
                        $0.kind = .init(info.kind)
                        $0.createdAt = info.createdAt
                        $0.expiresAt = info.expiresAt
                    }
                }
            })
        }
    }

    func deleteSession(
        request: ServerRequest<Tether_V1_DeleteSessionRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_DeleteSessionResponse> {
        try await GatewayError.answeringRPC(Session.End.topic) {
            let server = try ServerName.parse(request.message.server)
            try await sessions.end(HTTPFields(grpc: request.metadata), server: server, id: request.message.id)
            return ServerResponse(message: .init())
        }
    }

    func renewSession(
        request: ServerRequest<Tether_V1_RenewSessionRequest>, context: ServerContext
    ) async throws -> ServerResponse<Tether_V1_RenewSessionResponse> {
        try await GatewayError.answeringRPC(Session.Refresh.topic) {
            let server = try ServerName.parse(request.message.server)
            let info = try await sessions.renew(HTTPFields(grpc: request.metadata), server: server, id: request.message.id)
            return ServerResponse(message: .with {
                $0.id = info.id
                $0.expiresAt = info.expiresAt
            })
        }
    }

    /// Admission (token, routing, slot) runs on the first message, before any answer, so a
    /// refusal is the call's status; once admitted the call is a console until it ends.
    func serialConsole(
        request: StreamingServerRequest<Tether_V1_ConsoleInput>, context: ServerContext
    ) async throws -> StreamingServerResponse<Tether_V1_ConsoleOutput> {
        var messages = request.messages.makeAsyncIterator()
        let ticket: ConsoleTicket
        do {
            guard case .open(let open)? = try await messages.next()?.kind else {
                throw GatewayError.badRequest("the first message of a console stream must be `open` naming the server")
            }
            let server = try ServerName.parse(open.server)
            var admitted = try await admission.admit(server: server, headers: HTTPFields(grpc: request.metadata))
            admitted.readOnly = open.readOnly
            admitted.force = open.force
            admitted.source = context.remotePeer
            admitted.transport = "grpc"
            admitted.consoleID = String(UInt64.random(in: 1...UInt64.max), radix: 16)
            ticket = admitted
        } catch {
            let refusal = GatewayError.from(error, asking: SerialConsole.Attach.topic)
            logger.debug("console stream refused", metadata: ["gateway.code": "\(refusal.code)"])
            let denied = refusal.status == .unauthorized || refusal.status == .forbidden
            await GatewayAudit(bus: admission.bus).record(
                "console.open", denied ? .denied : .failed, principal: nil, server: nil, source: context.remotePeer,
                detail: "grpc; \(refusal.code): \(refusal.message)")
            throw refusal.rpcError
        }
        let session = ConsoleSession(
            ticket: ticket, bus: admission.bus, authorizer: admission.authorizer, openTimeout: requestTimeout, idleTimeout: idleTimeout,
            logger: logger)
        let slots = admission.slots
        let events = GRPCConsoleEvents(messages: messages)
        return StreamingServerResponse { [maxMessageBytes] writer in
            defer { slots.release(ticket.server) }
            try await session.run(GRPCConsoleClient(writer: writer, maxMessageBytes: maxMessageBytes), events: events)
            return [:]
        }
    }
}
