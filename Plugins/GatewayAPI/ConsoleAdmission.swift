import Contracts
import Hummingbird
import Kernel
import NIOCore

/// The checks a console passes before it is opened, whatever carries it: origin and token
/// (403/401), a known, online server (404/503), and a free slot (429). A WebSocket upgrade
/// passes them before the handshake is answered, so a refusal is a plain HTTP status; a
/// gRPC stream before its first answer, so a refusal is the call's status.
struct ConsoleAdmission: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let slots: ConsoleSlots
    let timeout: Duration

    /// A WebSocket upgrade; the slot is held until the connection closes.
    func admit(_ head: HTTPRequest, on channel: any Channel) async throws -> ConsoleTicket {
        let server = try ConsolePath.server(in: head.path ?? "")
        var ticket = try await admit(server: server, headers: head.headerFields)
        let slots = self.slots
        channel.closeFuture.whenComplete { _ in slots.release(server) }
        ticket.source = channel.remoteAddress?.ipAddress
        return ticket
    }

    /// A console of `server` for the credential in `headers`, holding a slot the caller must
    /// give back (`slots.release(server)`) when the console ends.
    func admit(server: String, headers: HTTPFields) async throws -> ConsoleTicket {
        let principal = try await authorizer.authorize(headers, .console, on: server)
        do {
            _ = try await bus.ask(Routing.Resolve(server: server, serving: SerialConsole.Attach.topic), timeout: timeout)
        } catch {
            throw GatewayError.from(error, asking: Routing.Resolve.topic)
        }
        guard slots.acquire(server) else { throw GatewayError.tooManySessions(server: server, limit: slots.limit) }
        return ConsoleTicket(
            server: server, principal: principal, subprotocol: ConsoleSubprotocol.select(from: headers), sessionID: Credential.sessionID(in: headers))
    }
}
