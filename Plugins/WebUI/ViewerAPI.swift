import Contracts
import Foundation
import Hummingbird
import Kernel

/// The pages' same-origin JSON API under `/view/{session}/api/`: the session cookie is the
/// credential (checked like the gateway does: same server, the token's actions), so the
/// pages need neither CORS nor a token. Writes must come from this origin as JSON.
struct ViewerAPI: Sendable {
    let bus: Bus
    let timeout: Duration

    func register(on router: Router<BasicRequestContext>) {
        router.get("view/:session/api/state") { request, context in try await self.state(request, context) }
        router.get("view/:session/api/facts") { request, context in try await self.facts(request, context) }
        router.post("view/:session/api/power") { request, context in try await self.power(request, context) }
        router.post("view/:session/api/renew") { request, context in try await self.renew(request, context) }
    }

    struct State: Encodable {
        var server: String
        var type: String
        var subject: String
        var power: String?
        var powerError: String?
        var sessions: [Connected]
        var sessionExpiresAt: Int64
    }

    struct Connected: Encodable {
        var subject: String
        var type: String
        var createdAt: Int64
    }

    struct Facts: Encodable {
        var bmc: BMC.Info.Reply?
        var bmcError: String?
        var boot: Boot.Setting?
        var bootError: String?
        var events: [SystemEventLog.Entry]?
        var eventsError: String?
    }

    /// Power and who is connected (polled by the server page).
    func state(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let session = try await viewer(request, context)
        let server = session.server
        async let power = outcome { try await bus.askServer(Power.Status(server: server), timeout: timeout).state.rawValue }
        async let sessions = outcome { try await bus.ask(Session.List(server: server), timeout: timeout).sessions }
        let listed = (try? await sessions.get()) ?? []
        let powerResult = await power
        return try json(
            State(
                server: server, type: session.kind.rawValue, subject: session.resolved.principal.subject, power: try? powerResult.get(),
                powerError: Self.message(powerResult), sessions: listed.map { Connected(subject: $0.subject, type: $0.kind.rawValue, createdAt: $0.createdAt) },
                sessionExpiresAt: session.resolved.session.expiresAt))
    }

    /// BMC facts, the boot setting and the last events (read once by the server page).
    func facts(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let server = try await viewer(request, context).server
        async let bmc = outcome { try await bus.askServer(BMC.Info(server: server), timeout: timeout) }
        async let boot = outcome { try await bus.askServer(Boot.Get(server: server), timeout: timeout) }
        async let events = outcome { try await bus.askServer(SystemEventLog.List(server: server), timeout: timeout).entries.suffix(8) }
        let (bmcResult, bootResult, eventsResult) = await (bmc, boot, events)
        return try json(
            Facts(
                bmc: try? bmcResult.get(), bmcError: Self.message(bmcResult), boot: try? bootResult.get(), bootError: Self.message(bootResult),
                events: (try? eventsResult.get()).map(Array.init), eventsError: Self.message(eventsResult)))
    }

    func power(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try Self.requireSameOriginJSON(request)
        let session = try await viewer(request, context)
        var request = request
        let body = try await request.collectBody(upTo: 1024)
        struct Body: Decodable { var action: Power.Action }
        let allowed: [Power.Action] = [.on, .off, .reset, .cycle]
        guard let action = try? JSONDecoder().decode(Body.self, from: Data(body.readableBytesView)).action, allowed.contains(action)
        else {
            throw PageError.badRequest("send {\"action\": \"on\" | \"off\" | \"reset\" | \"cycle\"}")
        }
        guard session.resolved.principal.allows(.power, on: session.server) else {
            throw PageError.denied("this session's token does not allow power control of \(session.server)")
        }
        do {
            return try json(try await bus.askServer(Power.Set(server: session.server, action: action), timeout: timeout))
        } catch {
            throw PageError(status: .badGateway, code: "power-failed", message: "\(action.rawValue) failed: \(Self.describe(error))")
        }
    }

    func renew(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try Self.requireSameOriginJSON(request)
        let session = try await viewer(request, context)
        do {
            return try json(try await bus.ask(Session.Refresh(id: session.id), timeout: timeout))
        } catch BusError.remote("unauthenticated", let message) {
            throw PageError.sessionGone(message)
        }
    }

    private func viewer(_ request: Request, _ context: BasicRequestContext) async throws -> ViewerSession {
        try await ViewerSession.resolve(request, id: try context.parameters.require("session"), bus: bus, timeout: timeout)
    }

    /// A write must come from a page of this web UI: its `Origin` names this host, and the
    /// body is JSON (which a cross-site form cannot send without a CORS preflight).
    static func requireSameOriginJSON(_ request: Request) throws {
        let origin = request.headers[.origin] ?? ""
        let host = request.head.authority ?? ""
        guard !host.isEmpty, origin == "http://\(host)" || origin == "https://\(host)" else {
            throw PageError.denied("changes are accepted only from the web console's own pages (Origin \(origin.prefix(100)))")
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw PageError.badRequest("send JSON (Content-Type: application/json)")
        }
    }

    private func outcome<T: Sendable>(_ body: @Sendable () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    private static func message<T>(_ result: Result<T, any Error>) -> String? {
        if case .failure(let error) = result { return describe(error) }
        return nil
    }

    static func describe(_ error: any Error) -> String {
        if case BusError.remote(let code, let message) = error { return "\(code): \(message)" }
        return "\(error)"
    }

    private func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
