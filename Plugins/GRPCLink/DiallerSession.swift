import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel
import Logging

/// One connection of the dialling side: hello, hello-ack, then envelopes both ways; stream
/// openings from the listener become Stream RPCs on the same connection.
struct DiallerSession: Sendable {
    let stub: WireService.Client<HTTP2ClientTransport.Posix>
    let settings: LinkSettings
    let bus: Bus
    let logger: Logger
    let tasks: ChildTasks

    /// RPCs fail at once when the connection cannot be made; the dialler's own backoff retries.
    static var options: CallOptions {
        var options = CallOptions.defaults
        options.waitForReady = false
        return options
    }

    func run(onEstablished: @escaping @Sendable () -> Void) async throws {
        let outbox = FrameOutbox()
        let acknowledged = OneShot<Void>()
        let hello = try helloFrame()
        let timeout = settings.handshakeTimeout
        let request = StreamingClientRequest(of: WireFrame.self) { writer in
            try await writer.write(hello)
            try await acknowledged.wait(timeout: timeout) {
                LinkProtocolError.handshake("no hello-ack within \(timeout)")
            }
            try await outbox.drain(into: writer)
        }
        defer { outbox.close() }
        try await stub.control(request: request, options: Self.options) { response in
            try await serve(response, outbox: outbox, acknowledged: acknowledged, onEstablished: onEstablished)
        }
    }

    /// The agent's identity, when it keeps one.
    private var identity: AgentIdentityKeeper? {
        settings.identityFile.map { AgentIdentityKeeper(store: AgentIdentityStore(path: $0), token: settings.token, node: bus.node) }
    }

    private func helloFrame() throws -> WireFrame {
        var hello = WireFrame()
        hello.kind = .hello
        hello.hello.node = bus.node.rawValue
        hello.hello.topics = bus.servedTopics.map(\.rawValue).sorted()
        hello.hello.version = WireProtocol.version
        let presented = try identity?.presentation() ?? HelloCredential(credential: settings.token)
        guard !presented.credential.isEmpty else {
            throw LinkProtocolError.handshake("no credential: the identityFile holds no credential yet and no token is configured")
        }
        hello.hello.credential = presented.credential
        hello.hello.publicKey = presented.publicKey
        hello.hello.proof = presented.proof
        hello.hello.timestamp = presented.timestamp
        hello.hello.gateway = presented.gateway
        return hello
    }

    /// Reads the hello-ack, then serves the listener's frames while it is attached.
    private func serve(
        _ response: StreamingClientResponse<WireFrame>, outbox: FrameOutbox, acknowledged: OneShot<Void>,
        onEstablished: @Sendable () -> Void
    ) async throws {
        var frames = response.messages.makeAsyncIterator()
        guard let ack = try await frames.next() else {
            throw LinkProtocolError.handshake("the listener ended the link before its hello-ack")
        }
        guard ack.kind == .helloAck, ack.hasHello, NodeName.isValid(ack.hello.node) else {
            throw LinkProtocolError.handshake("expected a hello-ack naming the listener, got frame kind \(ack.kind.rawValue)")
        }
        if let identity {
            do {
                if try identity.keep(ack.hello) {
                    logger.info("enrolled: the agent's own credential is kept", metadata: [
                        "link.node": "\(ack.hello.node)", "link.credential": "\(ack.hello.issuedCredentialID)",
                        "link.identityFile": "\(identity.store.path)",
                    ])
                }
            } catch {
                logger.error("the credential issued at enrolment cannot be kept; the next connection will be refused", metadata: ["error": "\(error)"])
            }
        }
        acknowledged.resolve(.success(()))
        let listener = NodeID(ack.hello.node)
        let link = PeerLink(peer: listener, outbox: outbox) { envelope in
            try await openStream(envelope, listener: listener, outbox: outbox)
        }
        let dispatcher = FrameDispatcher(peer: listener, bus: bus, outbox: outbox, logger: logger)
        try await bus.attach(listener, via: link, serving: Set(ack.hello.topics.map { Topic($0) }), isDefault: true) { () async throws -> Void in
            onEstablished()
            logger.info("link established", metadata: [
                "link.node": "\(listener)", "link.version": "\(ack.hello.version)", "link.topics": "\(ack.hello.topics.count)",
            ])
            while let frame = try await frames.next() {
                switch frame.kind {
                case .open:
                    await acceptStream(frame, from: listener, dispatcher: dispatcher)
                default:
                    await dispatcher.dispatch(frame)
                }
            }
        }
    }

    /// The listener asked for a stream to a handler on this node: accept it locally, then
    /// carry it on a Stream RPC, or tell the listener why not.
    private func acceptStream(_ frame: WireFrame, from listener: NodeID, dispatcher: FrameDispatcher) async {
        let id = frame.streamID
        let local: Duplex
        do {
            let envelope = try FrameCodec.envelope(frame, from: listener)
            guard id != 0 else { throw LinkProtocolError.badFrame("open frame without a stream ID") }
            local = try await bus.accept(envelope)
        } catch {
            let reason: BusError =
                if let protocolError = error as? LinkProtocolError {
                    .remote(code: "bad-frame", message: protocolError.description)
                } else {
                    .wrapping(error)
                }
            logger.debug("stream opening refused", metadata: ["link.stream": "\(id)", "error": "\(reason)"])
            var failed = WireFrame()
            failed.kind = .openFailed
            failed.streamID = id
            failed.topic = frame.topic
            failed.error = BusErrorText.encode(reason)
            try? await dispatcher.outbox.send(failed)
            return
        }
        tasks.spawn {
            do {
                try await carry(id, local, onAccepted: {})
            } catch {
                logger.debug("stream ended with an error", metadata: ["link.stream": "\(id)", "error": "\(Dialler.describe(error))"])
            }
        }
    }

    /// Opens a stream to a handler on the listener's node (this node's side asked).
    private func openStream(_ envelope: Envelope, listener: NodeID, outbox: FrameOutbox) async throws -> Duplex {
        let id = UInt64.random(in: 1...UInt64.max)
        var frame = try FrameCodec.frame(envelope)
        frame.streamID = id
        do {
            try await outbox.send(frame)
        } catch {
            throw BusError.unreachable(node: listener)
        }
        let (callerEnd, linkEnd) = Duplex.pair()
        let accepted = OneShot<Void>()
        tasks.spawn {
            do {
                try await carry(id, linkEnd) { accepted.resolve(.success(())) }
            } catch {
                accepted.resolve(.failure(Self.busError(error, node: listener)))
            }
        }
        do {
            try await accepted.wait(timeout: settings.openTimeout) {
                BusError.timeout(topic: envelope.topic, afterMilliseconds: Int64(settings.openTimeout.components.seconds * 1000))
            }
        } catch {
            callerEnd.close()
            throw error
        }
        return callerEnd
    }

    /// Runs the Stream RPC for stream `id` until both directions ended.
    private func carry(_ id: UInt64, _ local: Duplex, onAccepted: @escaping @Sendable () -> Void) async throws {
        var metadata = Metadata()
        metadata.addString("\(id)", forKey: WireProtocol.streamHeader)
        StreamEncoding.offer(settings.compressStreams, into: &metadata)
        let upDone = OneShot<Void>()
        // The listener's answer (its response metadata) decides the encoding of both directions.
        let negotiated = OneShot<StreamEncoding>()
        let request = StreamingClientRequest(of: WireChunk.self, metadata: metadata) { writer in
            do {
                let encoding = try await negotiated.wait()
                try await StreamPump.up(from: local.inbound, encoding: encoding) { try await writer.write($0) }
                upDone.resolve(.success(()))
            } catch {
                upDone.resolve(.failure(error))
                throw error
            }
        }
        do {
            try await stub.stream(request: request, options: Self.options) { response in
                if case .failure(let error) = response.accepted {
                    negotiated.resolve(.failure(error))
                    throw error
                }
                let encoding = StreamEncoding.requested(in: response.metadata)
                negotiated.resolve(.success(encoding))
                onAccepted()
                do {
                    try await StreamPump.down(from: response.messages, to: local.outbound, encoding: encoding, untilRPCEnds: true)
                } catch {
                    // This side's reader has gone (or the RPC broke): stop the local writer now.
                    StreamPump.abandon(local)
                    throw error
                }
                // The server ends the RPC only after our end chunk, so `up` is done or about to
                // be; if it is not, nothing it writes can arrive any more: stop the local writer.
                try await upDone.wait(timeout: .seconds(1)) { BusError.streamClosed }
            }
        } catch {
            negotiated.resolve(.failure(error))
            StreamPump.abandon(local)
            throw error
        }
    }

    /// A Stream RPC's failure as the bus error the caller sees.
    static func busError(_ error: any Error, node: NodeID) -> BusError {
        if let bus = error as? BusError { return bus }
        if let rpc = error as? RPCError {
            return rpc.code == .unavailable ? .unreachable(node: node) : BusErrorText.decode(rpc.message)
        }
        return .wrapping(error)
    }
}
