import Contracts
import HummingbirdWebSocket
import Kernel
import Logging
import NIOCore

/// One console viewer, serial (browser terminal or CLI) or graphical (noVNC, the CLI's local
/// VNC port): pumps WebSocket binary frames to the server's console duplex and back (each side
/// waits for the other, so a slow reader slows the writer, never the gateway's memory),
/// handles control messages, and ends the session when the lease expires, it idles out or its
/// viewer session ends. ``ConsoleKind`` says what differs between the two.
struct ConsoleSession: Sendable {
    let kind: ConsoleKind
    let ticket: ConsoleTicket
    let bus: Bus
    let authorizer: Authorizer
    let openTimeout: Duration
    let idleTimeout: Duration
    let maxFrameBytes: Int
    let logger: Logger

    func run(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async throws {
        let duplex: Duplex
        let audit = GatewayAudit(bus: bus)
        do {
            duplex = try await OpenWithTimeout.run(timeout: openTimeout) { [bus, ticket, kind] in
                try await kind.attach(ticket.server, on: bus)
            }
        } catch {
            let refusal = GatewayError.from(error, asking: kind.attachTopic)
            await audit.console("\(kind.auditPrefix).open", ticket, .failed, detail: refusal.message)
            try await finish(.refused(refusal), outbound)
            return
        }
        let lease = ConsoleLease(expiresAt: ticket.principal.expiresAt, idleTimeout: idleTimeout)
        logger.info("\(kind.logName) opened", metadata: ["gateway.server": "\(ticket.server)", "gateway.subject": "\(ticket.principal.subject)"])
        await audit.console("\(kind.auditPrefix).open", ticket)
        let end: ConsoleEnd
        do {
            if kind.speaksText {
                try await outbound.write(.text(ConsoleServerMessage.state(.live).json))
                try await outbound.write(.text(ConsoleServerMessage.lease(expiresAt: lease.leaseExpiresAt).json))
            }
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
        logger.info("\(kind.logName) closed", metadata: ["gateway.server": "\(ticket.server)", "gateway.end": "\(end)"])
        await audit.console("\(kind.auditPrefix).close", ticket, detail: "\(end)")
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
                guard let reply = await control(text, lease) else { continue }
                if kind.speaksText {
                    try await outbound.write(.text(reply.json))
                } else if case .error(let code, _) = reply {
                    logger.debug("\(kind.logName) control message refused", metadata: ["gateway.server": "\(ticket.server)", "gateway.code": "\(code)"])
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
                return kind.end(after: error)
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
                try Authorizer.check(principal, may: kind.action, on: ticket.server)
                lease.extend(to: principal.expiresAt)
                return .lease(expiresAt: lease.leaseExpiresAt)
            }
        } catch {
            let refusal = GatewayError.from(error, asking: Auth.Verify.topic)
            return .error(code: refusal.code, message: refusal.message)
        }
    }

    private func finish(_ end: ConsoleEnd, _ outbound: WebSocketOutboundWriter) async throws {
        if kind.speaksText, let state = end.finalState { try? await outbound.write(.text(state.json)) }
        if let close = end.close { try? await outbound.close(close.code, reason: close.reason) }
    }
}
