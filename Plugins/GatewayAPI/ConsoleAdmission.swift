import Contracts
import Hummingbird
import Kernel
import NIOCore

/// The checks a console upgrade passes before the handshake is answered, so a refusal is a
/// plain HTTP status: origin and token (403/401), a known, online server (404/503), and a
/// free slot (429). The slot is held until the connection closes.
struct ConsoleAdmission: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let slots: ConsoleSlots
    let timeout: Duration

    func admit(_ head: HTTPRequest, on channel: any Channel) async throws -> ConsoleTicket {
        let server = try ConsolePath.server(in: head.path ?? "")
        let principal = try await authorizer.authorize(head.headerFields, .console, on: server)
        do {
            _ = try await bus.ask(Routing.Resolve(server: server, serving: SerialConsole.Attach.topic), timeout: timeout)
        } catch {
            throw GatewayError.from(error, asking: Routing.Resolve.topic)
        }
        guard slots.acquire(server) else { throw GatewayError.tooManySessions(server: server, limit: slots.limit) }
        let slots = self.slots
        channel.closeFuture.whenComplete { _ in slots.release(server) }
        return ConsoleTicket(server: server, principal: principal, subprotocol: ConsoleSubprotocol.select(from: head.headerFields),
            sessionID: Credential.sessionID(in: head.headerFields), source: channel.remoteAddress?.ipAddress)
    }
}
