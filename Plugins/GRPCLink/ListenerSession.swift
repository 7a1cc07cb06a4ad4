import Contracts
import GRPCCore
import Kernel
import Logging
import NIOCore

/// One dialler's Control RPC on the listening side: hello and its check, hello-ack, then
/// envelopes both ways while the peer is attached to the bus.
struct ListenerSession: Sendable {
    let settings: LinkSettings
    let bus: Bus
    let logger: Logger
    let peers: ConnectedPeers
    let rendezvous: StreamRendezvous
    let gatekeeper: LinkGatekeeper
    let audit: LinkAuditTrail
    /// The dialler's TCP address, shared by its Control and Stream RPCs.
    let connection: String
    /// Resolved (with the reason) when the listener ends this connection: replaced by a newer
    /// one of the same node, or its agent revoked. ``LinkService`` then cancels the session.
    let closed: OneShot<String>

    func run(_ messages: RPCAsyncSequence<WireFrame, any Error>, writer: RPCWriter<WireFrame>) async throws {
        var frames = messages.makeAsyncIterator()
        let watchdog = Task { [closed, timeout = settings.handshakeTimeout] in
            try await Task.sleep(for: timeout)
            closed.resolve(.success("link closed: no hello within \(timeout)"))
        }
        let first = try await frames.next()
        watchdog.cancel()
        guard let first, first.kind == .hello, first.hasHello else {
            throw await refuse(node: "?", LinkRefusal("expected a hello first, got \(first.map { "frame kind \($0.kind.rawValue)" } ?? "the end of the stream")"))
        }
        let hello = first.hello
        let admitted: LinkAdmitted
        do throws(LinkRefusal) {
            admitted = try await gatekeeper.admit(hello, source: connection)
        } catch {
            throw await refuse(node: hello.node, error)
        }
        let peer = NodeID(hello.node)
        if let reason = peers.register(
            peer, credential: admitted.credentialIdentity, issuedAt: admitted.credentialIssuedAt(presented: hello.credential), connection: connection,
            close: { closed.resolve(.success($0)) })
        {
            throw await refuse(node: hello.node, LinkRefusal(reason))
        }
        defer { peers.unregister(peer, connection: connection) }

        var ack = WireFrame()
        ack.kind = .helloAck
        ack.hello.node = bus.node.rawValue
        ack.hello.topics = bus.servedTopics.map(\.rawValue).sorted()
        ack.hello.version = WireProtocol.version
        if case .enrolled(let credential, let tokenID) = admitted {
            ack.hello.issuedCredential = credential.credential
            ack.hello.issuedCredentialID = credential.credentialID
            ack.hello.issuedExpiresAt = credential.expiresAt
            logger.info("agent enrolled", metadata: [
                "link.node": "\(peer)", "link.peer": "\(connection)", "link.enrolmentToken": "\(tokenID)", "link.credential": "\(credential.credentialID)",
            ])
        }
        try await writer.write(ack)

        let outbox = FrameOutbox()
        defer {
            outbox.close()
            rendezvous.closeAll(connection: connection, with: .unreachable(node: peer))
        }
        let link = PeerLink(peer: peer, outbox: outbox) { envelope in
            try await openStream(envelope, peer: peer, outbox: outbox)
        }
        let dispatcher = FrameDispatcher(peer: peer, bus: bus, outbox: outbox, logger: logger)
        try await bus.attach(peer, via: link, serving: Set(hello.topics.map { Topic($0) })) { () async throws -> Void in
            logger.info("link accepted", metadata: [
                "link.node": "\(peer)", "link.peer": "\(connection)", "link.version": "\(hello.version)", "link.topics": "\(hello.topics.count)",
                "link.credential": "\(admitted.logDescription)",
            ])
            try await withChildTasks { tasks in
                tasks.spawn {
                    do { try await outbox.drain(into: writer) } catch { closed.resolve(.success("link closed: writing to the peer failed: \(error)")) }
                }
                while let frame = try await frames.next() {
                    switch frame.kind {
                    case .open:
                        await acceptStream(frame, from: peer, dispatcher: dispatcher, tasks: tasks)
                    case .openFailed:
                        rendezvous.fail(.init(connection: connection, id: frame.streamID), with: BusErrorText.decode(frame.error))
                    default:
                        await dispatcher.dispatch(frame)
                    }
                }
            }
        }
        logger.info("link closed by peer", metadata: ["link.node": "\(peer)", "link.peer": "\(connection)"])
    }

    /// Logs and audits a refused hello and returns the status the dialler sees.
    private func refuse(node: String, _ refusal: LinkRefusal) async -> RPCError {
        logger.warning("link refused", metadata: ["link.node": "\(node.prefix(128))", "link.peer": "\(connection)", "reason": "\(refusal.reason)"])
        await audit.refused(node: node, refusal, connection: connection)
        return RPCError(code: refusal.unverifiable ? .unavailable : .permissionDenied, message: "link refused: \(refusal.reason)")
    }

    /// Opens a stream to a handler on the dialler's node: announce it on Control, then wait
    /// (bounded) for the dialler's Stream RPC to take the link end.
    private func openStream(_ envelope: Envelope, peer: NodeID, outbox: FrameOutbox) async throws -> Duplex {
        let id = UInt64.random(in: 1...UInt64.max)
        let key = StreamRendezvous.Key(connection: connection, id: id)
        let (callerEnd, linkEnd) = Duplex.pair()
        let claimed = rendezvous.offer(key, .success(linkEnd))
        var frame = try FrameCodec.frame(envelope)
        frame.streamID = id
        do {
            do {
                try await outbox.send(frame)
            } catch {
                throw BusError.unreachable(node: peer)
            }
            let timeout = settings.openTimeout
            try await claimed.wait(timeout: timeout) {
                BusError.timeout(topic: envelope.topic, afterMilliseconds: Int64(timeout.components.seconds * 1000))
            }
        } catch {
            rendezvous.withdraw(key)
            linkEnd.close()
            callerEnd.close()
            throw error
        }
        return callerEnd
    }

    /// The dialler opens a stream to a handler on this node: accept it here and hold the
    /// local end until its Stream RPC claims it (bounded).
    private func acceptStream(_ frame: WireFrame, from peer: NodeID, dispatcher: FrameDispatcher, tasks: ChildTasks) async {
        guard frame.streamID != 0 else {
            await dispatcher.reject(frame, because: .badFrame("open frame without a stream ID"))
            return
        }
        let key = StreamRendezvous.Key(connection: connection, id: frame.streamID)
        let local: Result<Duplex, BusError>
        do {
            local = .success(try await bus.accept(try FrameCodec.envelope(frame, from: peer)))
        } catch let error as LinkProtocolError {
            local = .failure(.remote(code: "bad-frame", message: error.description))
        } catch {
            local = .failure(.wrapping(error))
        }
        let claimed = rendezvous.offer(key, local)
        let timeout = settings.openTimeout
        tasks.spawn {
            do {
                try await claimed.wait(timeout: timeout) { BusError.streamClosed }
            } catch {
                rendezvous.fail(key, with: .streamClosed)
            }
        }
    }
}
