import Contracts
import Hummingbird
import Kernel
import NIOCore

/// The checks a graphical console upgrade passes before the handshake is answered (as for
/// the serial console, so a refusal is a plain HTTP status): origin and token, the `vnc`
/// action on the server, a known and online server, and a free slot, held until the
/// connection closes.
struct GraphicalConsoleAdmission: Sendable {
    let bus: Bus
    let authorizer: Authorizer
    let slots: ConsoleSlots
    let timeout: Duration

    func admit(_ head: HTTPRequest, on channel: any Channel) async throws -> ConsoleTicket {
        let server = try GraphicalConsolePath.server(in: head.path ?? "")
        let principal = try await authorizer.authorize(head.headerFields, .vnc, on: server)
        do {
            _ = try await bus.ask(Routing.Resolve(server: server, serving: GraphicalConsole.Attach.topic), timeout: timeout)
        } catch {
            throw GatewayError.from(error, asking: Routing.Resolve.topic)
        }
        guard slots.acquire(server) else { throw GatewayError.tooManySessions(server: server, limit: slots.limit) }
        let slots = self.slots
        channel.closeFuture.whenComplete { _ in slots.release(server) }
        return ConsoleTicket(
            server: server, principal: principal, subprotocol: GraphicalConsoleSubprotocol.select(from: head.headerFields),
            sessionID: Credential.sessionID(in: head.headerFields), source: channel.remoteAddress?.ipAddress)
    }
}
