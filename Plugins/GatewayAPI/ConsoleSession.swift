import Contracts
import Kernel
import Logging
import NIOCore

/// One serial console, whatever carries it to the client (a browser's or CLI's WebSocket, a
/// CLI's gRPC stream): pumps the client's bytes to the server's console duplex and back (each
/// side waits for the other, so a slow reader slows the writer), answers control messages, and
/// ends the session when the lease expires, it idles out or its cookie session ends.
struct ConsoleSession: Sendable {
    let ticket: ConsoleTicket
    let bus: Bus
    let authorizer: Authorizer
    let openTimeout: Duration
    let idleTimeout: Duration
    let logger: Logger

    func run<Client: ConsoleClientConnection, Events: AsyncSequence & Sendable>(
        _ client: Client, events: Events
    ) async throws where Events.Element == ConsoleClientEvent {
        let duplex: Duplex
        do {
            duplex = try await OpenWithTimeout.run(timeout: openTimeout) { [bus, ticket] in
                try await bus.openServer(SerialConsole.Attach(server: ticket.server, force: ticket.force))
            }
        } catch {
            let refusal = GatewayError.from(error, asking: SerialConsole.Attach.topic)
            await GatewayAudit(bus: bus).console("console.open", ticket, .failed, detail: refusal.message)
            await client.finish(.refused(refusal))
            return
        }
        let lease = ConsoleLease(expiresAt: ticket.principal.expiresAt, idleTimeout: idleTimeout)
        logger.info(
            "console opened",
            metadata: ["gateway.server": "\(ticket.server)", "gateway.subject": "\(ticket.principal.subject)", "gateway.transport": "\(ticket.transport)"])
        await GatewayAudit(bus: bus).console("console.open", ticket, detail: ticket.force ? "force" : "")
        let end: ConsoleEnd
        do {
            try await client.opened(ticket, leaseExpiresAt: lease.leaseExpiresAt)
            end = try await withThrowingTaskGroup(of: ConsoleEnd.self) { group in
                group.addTask { try await clientToConsole(events, duplex, client, lease) }
                group.addTask { await consoleToClient(duplex, client, lease) }
                group.addTask { await watchdog(lease) }
                if let id = ticket.sessionID {
                    group.addTask { [bus, openTimeout] in
                        try await SessionWatch.untilEnded(id, bus: bus, timeout: openTimeout)
                        return .leaseExpired
                    }
                }
                let first = try await group.next() ?? .clientLeft
                duplex.close()
                group.cancelAll()
                return first
            }
        } catch {
            duplex.close()
            throw error
        }
        logger.info("console closed", metadata: ["gateway.server": "\(ticket.server)", "gateway.end": "\(end)"])
        await GatewayAudit(bus: bus).console("console.close", ticket, end.auditOutcome, detail: end.auditDetail)
        await client.finish(end)
    }

    /// Client bytes to the console; control messages are answered here.
    private func clientToConsole<Client: ConsoleClientConnection, Events: AsyncSequence & Sendable>(
        _ events: Events, _ duplex: Duplex, _ client: Client, _ lease: ConsoleLease
    ) async throws -> ConsoleEnd where Events.Element == ConsoleClientEvent {
        for try await event in events {
            lease.touch()
            switch event {
            case .bytes(let bytes):
                guard bytes.readableBytes > 0 else { continue }
                guard !ticket.readOnly else {
                    try await client.send(.error(code: "read-only", message: "this console is read-only; typed bytes are dropped"))
                    continue
                }
                do {
                    try await duplex.outbound.write(bytes)
                } catch {
                    return .consoleClosed
                }
            case .control(let message):
                if let reply = await control(message, lease) { try await client.send(reply) }
            case .invalid(let refusal):
                try await client.send(.error(code: refusal.code, message: refusal.message))
            }
        }
        return .clientLeft
    }

    /// Console bytes to the client.
    private func consoleToClient<Client: ConsoleClientConnection>(_ duplex: Duplex, _ client: Client, _ lease: ConsoleLease) async -> ConsoleEnd {
        var iterator = duplex.inbound.makeAsyncIterator()
        while true {
            let next: ByteBuffer?
            do {
                next = try await iterator.next()
            } catch {
                return .agentLost(GatewayError.from(error, asking: SerialConsole.Attach.topic).message)
            }
            guard let buffer = next else { return .consoleClosed }
            lease.touch()
            do {
                try await client.write(buffer)
            } catch {
                return .clientLeft
            }
        }
    }

    private func watchdog(_ lease: ConsoleLease) async -> ConsoleEnd {
        switch try? await lease.due() {
        case .expired: .leaseExpired
        case .idle: .idle(seconds: Int(idleTimeout.components.seconds))
        case .wait, nil: .clientLeft
        }
    }

    /// The answer to one control message, if it needs one.
    private func control(_ message: ConsoleClientMessage, _ lease: ConsoleLease) async -> ConsoleServerMessage? {
        do {
            switch message {
            case .resize:
                return nil
            case .sendBreak:
                return .error(code: "unsupported", message: "a serial break cannot be sent through the gateway yet")
            case .refresh(let token):
                let principal = try await authorizer.verify(token)
                guard principal.subject == ticket.principal.subject else {
                    throw GatewayError.denied("the refresh token belongs to \(principal.subject), not to this session's \(ticket.principal.subject)")
                }
                try Authorizer.check(principal, may: .console, on: ticket.server)
                lease.extend(to: principal.expiresAt)
                return .lease(expiresAt: lease.leaseExpiresAt)
            }
        } catch {
            let refusal = GatewayError.from(error, asking: Auth.Verify.topic)
            return .error(code: refusal.code, message: refusal.message)
        }
    }
}
