import Contracts
import HummingbirdWebSocket
import Kernel
import Logging
import NIOCore
import NIOWebSocket

/// One graphical console viewer (noVNC, or the CLI's local VNC port): relays raw RFB bytes in
/// binary frames to the server's `console.graphical.attach` stream and back. Each side waits
/// for the other (the next frame is read only when the agent took the last one, and the
/// reverse), so a slow viewer slows the VNC server, never the gateway's memory.
///
/// The gateway never sends text frames here (an RFB viewer could not read them); it ends the
/// session with the same close codes as the serial console. Text frames from the client are
/// the serial console's control messages: `refresh` extends the lease, others are ignored.
struct GraphicalConsoleSession: Sendable {
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
                try await bus.openServer(GraphicalConsole.Attach(server: ticket.server))
            }
        } catch {
            await GatewayAudit(bus: bus).console("vnc.open", ticket, .failed, detail: GatewayError.from(error, asking: GraphicalConsole.Attach.topic).message)
            try await finish(.refused(GatewayError.from(error, asking: GraphicalConsole.Attach.topic)), outbound)
            return
        }
        let lease = ConsoleLease(expiresAt: ticket.principal.expiresAt, idleTimeout: idleTimeout)
        logger.info("graphical console opened", metadata: ["gateway.server": "\(ticket.server)", "gateway.subject": "\(ticket.principal.subject)"])
        await GatewayAudit(bus: bus).console("vnc.open", ticket)
        let end: ConsoleEnd
        do {
            end = try await withThrowingTaskGroup(of: ConsoleEnd.self) { group in
                group.addTask { try await viewerToConsole(inbound, duplex, lease) }
                group.addTask { await consoleToViewer(duplex, outbound, lease) }
                group.addTask { await watchdog(lease) }
                if let id = ticket.sessionID {
                    group.addTask { [bus, openTimeout] in
                        try await SessionWatch.untilEnded(id, bus: bus, timeout: openTimeout)
                        return .leaseExpired
                    }
                }
                var first = try await group.next() ?? .clientLeft
                if case .clientLeft = first {
                    // A viewer often leaves on the RFB failure the agent sent, just before the
                    // agent's coded reason (bmc-auth-failed...) arrives: give the console side
                    // a moment to say why, for the log and the audit.
                    group.addTask {
                        try? await Task.sleep(for: Self.reasonGrace)
                        return .clientLeft
                    }
                    while let next = try await group.next() {
                        if case .refused = next { first = next }
                        if case .agentLost = next { first = next }
                        break
                    }
                }
                duplex.close()
                group.cancelAll()
                return first
            }
        } catch {
            duplex.close()
            throw error
        }
        logger.info("graphical console closed", metadata: ["gateway.server": "\(ticket.server)", "gateway.end": "\(end)"])
        await GatewayAudit(bus: bus).console("vnc.close", ticket, end.auditOutcome, detail: end.auditDetail)
        try await finish(end, outbound)
    }

    /// How long a session whose viewer left waits for the agent's reason for ending it.
    static let reasonGrace = Duration.milliseconds(100)

    /// Viewer bytes (RFB client messages) to the console.
    private func viewerToConsole(_ inbound: WebSocketInboundStream, _ duplex: Duplex, _ lease: ConsoleLease) async throws -> ConsoleEnd {
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
                await control(text, lease)
            }
        }
        return .clientLeft
    }

    /// Console bytes (RFB server messages) to the viewer, split to the frame limit.
    private func consoleToViewer(_ duplex: Duplex, _ outbound: WebSocketOutboundWriter, _ lease: ConsoleLease) async -> ConsoleEnd {
        var iterator = duplex.inbound.makeAsyncIterator()
        while true {
            let next: ByteBuffer?
            do {
                next = try await iterator.next()
            } catch {
                return Self.end(after: error)
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

    /// A stream that failed: the agent's link dropped, or the agent ended the session with a
    /// coded reason (the viewer already got it in RFB, e.g. `bmc-auth-failed`).
    static func end(after error: any Error) -> ConsoleEnd {
        let failure = GatewayError.from(error, asking: GraphicalConsole.Attach.topic)
        switch error {
        case BusError.unreachable, BusError.streamClosed: return .agentLost(failure.message)
        default: return .refused(failure)
        }
    }

    private func watchdog(_ lease: ConsoleLease) async -> ConsoleEnd {
        switch try? await lease.due() {
        case .expired: .leaseExpired
        case .idle: .idle(seconds: Int(idleTimeout.components.seconds))
        case .wait, nil: .clientLeft
        }
    }

    /// A control message: only a valid refresh has an effect; no answer is ever written.
    private func control(_ text: String, _ lease: ConsoleLease) async {
        do {
            guard case .refresh(let token) = try ConsoleClientMessage.parse(text) else { return }
            let principal = try await authorizer.verify(token)
            guard principal.subject == ticket.principal.subject else {
                throw GatewayError.denied("the refresh token belongs to \(principal.subject), not to this session's \(ticket.principal.subject)")
            }
            try Authorizer.check(principal, may: .vnc, on: ticket.server)
            lease.extend(to: principal.expiresAt)
        } catch {
            let refusal = GatewayError.from(error, asking: Auth.Verify.topic)
            logger.debug("graphical console control message refused", metadata: ["gateway.server": "\(ticket.server)", "gateway.code": "\(refusal.code)"])
        }
    }

    private func finish(_ end: ConsoleEnd, _ outbound: WebSocketOutboundWriter) async throws {
        if let close = end.close { try? await outbound.close(close.code, reason: close.reason) }
    }
}
