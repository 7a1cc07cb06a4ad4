import Contracts
import HummingbirdWebSocket
import Kernel
import Logging
import NIOCore

/// One browser or CLI console: pumps WebSocket binary frames to the server's console duplex
/// and back (each side waits for the other, so a slow reader slows the writer), answers
/// control messages, and ends the session when the lease expires or it idles out.
struct ConsoleSession: Sendable {
    let ticket: ConsoleTicket
    let bus: Bus
    let authorizer: Authorizer
    let openTimeout: Duration
    let idleTimeout: Duration
    let maxFrameBytes: Int
    let logger: Logger

    func run(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async throws {
        let duplex: Duplex
        do {
            duplex = try await OpenWithTimeout.run(timeout: openTimeout) { [bus, ticket] in
                try await bus.openServer(SerialConsole.Attach(server: ticket.server))
            }
        } catch {
            await GatewayAudit(bus: bus).console("console.open", ticket, .failed, detail: GatewayError.from(error, asking: SerialConsole.Attach.topic).message)
            try await finish(.refused(GatewayError.from(error, asking: SerialConsole.Attach.topic)), outbound)
            return
        }
        let lease = ConsoleLease(expiresAt: ticket.principal.expiresAt, idleTimeout: idleTimeout)
        logger.info("console opened", metadata: ["gateway.server": "\(ticket.server)", "gateway.subject": "\(ticket.principal.subject)"])
        await GatewayAudit(bus: bus).console("console.open", ticket)
        let end: ConsoleEnd
        do {
            try await outbound.write(.text(ConsoleServerMessage.state(.live).json))
            try await outbound.write(.text(ConsoleServerMessage.lease(expiresAt: lease.leaseExpiresAt).json))
            end = try await withThrowingTaskGroup(of: ConsoleEnd.self) { group in
                group.addTask { try await clientToConsole(inbound, duplex, outbound, lease) }
                group.addTask { await consoleToClient(duplex, outbound, lease) }
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
        await GatewayAudit(bus: bus).console("console.close", ticket, detail: "\(end)")
        try await finish(end, outbound)
    }

    /// Client bytes to the console; text frames are control messages.
    private func clientToConsole(
        _ inbound: WebSocketInboundStream, _ duplex: Duplex, _ outbound: WebSocketOutboundWriter, _ lease: ConsoleLease
    ) async throws -> ConsoleEnd {
        for try await message in inbound.messages(maxSize: maxFrameBytes) {
            lease.touch()
            switch message {
            case .binary(let bytes):
                guard bytes.readableBytes > 0 else { continue }
                do {
                    try await duplex.outbound.write(bytes)
                } catch {
                    return .consoleClosed
                }
            case .text(let text):
                if let reply = await control(text, lease) {
                    try await outbound.write(.text(reply.json))
                }
            }
        }
        return .clientLeft
    }

    /// Console bytes to the client, split to the frame limit.
    private func consoleToClient(_ duplex: Duplex, _ outbound: WebSocketOutboundWriter, _ lease: ConsoleLease) async -> ConsoleEnd {
        var iterator = duplex.inbound.makeAsyncIterator()
        while true {
            let next: ByteBuffer?
            do {
                next = try await iterator.next()
            } catch {
                return .agentLost(GatewayError.from(error, asking: SerialConsole.Attach.topic).message)
            }
            guard var buffer = next else { return .consoleClosed }
            lease.touch()
            do {
                while buffer.readableBytes > 0, let chunk = buffer.readSlice(length: min(buffer.readableBytes, maxFrameBytes)) {
                    try await outbound.write(.binary(chunk))
                }
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
    private func control(_ text: String, _ lease: ConsoleLease) async -> ConsoleServerMessage? {
        do {
            switch try ConsoleClientMessage.parse(text) {
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

    private func finish(_ end: ConsoleEnd, _ outbound: WebSocketOutboundWriter) async throws {
        if let state = end.finalState { try? await outbound.write(.text(state.json)) }
        if let close = end.close { try? await outbound.close(close.code, reason: close.reason) }
    }
}
