import GRPCCore
import Kernel
import Logging

/// The gRPC service behind a listening link: `Control` authenticates a dialler and carries
/// its envelopes; `Stream` carries one byte stream announced on that dialler's Control.
struct LinkService: WireService.ServiceProtocol {
    let settings: LinkSettings
    let bus: Bus
    let logger: Logger
    let peers: ConnectedPeers
    let rendezvous: StreamRendezvous
    let gatekeeper: LinkGatekeeper
    let audit: LinkAuditTrail

    func control(
        request: StreamingServerRequest<WireFrame>, context: ServerContext
    ) async throws -> StreamingServerResponse<WireFrame> {
        StreamingServerResponse(of: WireFrame.self) { writer in
            let closed = OneShot<String>()
            let session = ListenerSession(
                settings: settings, bus: bus, logger: logger, peers: peers, rendezvous: rendezvous, gatekeeper: gatekeeper,
                audit: audit, connection: context.remotePeer, closed: closed)
            // The session runs in a task of its own so that the listener can end it (cancelling
            // it ends its read of the dialler's frames, and so the RPC).
            let messages = request.messages
            let running = Task { try await session.run(messages, writer: writer) }
            let closer = Task { [logger, peer = context.remotePeer] in
                guard let reason = try? await closed.wait() else { return }
                logger.info("\(reason)", metadata: ["link.peer": "\(peer)"])
                running.cancel()
            }
            defer { closer.cancel() }
            try await withTaskCancellationHandler {
                try await running.value
            } onCancel: {
                running.cancel()
            }
            return [:]
        }
    }

    func stream(
        request: StreamingServerRequest<WireChunk>, context: ServerContext
    ) async throws -> StreamingServerResponse<WireChunk> {
        guard let text = request.metadata[stringValues: WireProtocol.streamHeader].first(where: { _ in true }), let id = UInt64(text) else {
            throw RPCError(
                code: .invalidArgument,
                message: BusErrorText.encode(.remote(code: "link-stream", message: "a Stream RPC needs a \(WireProtocol.streamHeader) header")))
        }
        let local: Duplex
        do {
            local = try await rendezvous.claim(.init(connection: context.remotePeer, id: id), timeout: settings.openTimeout)
        } catch {
            throw RPCError(code: .notFound, message: BusErrorText.encode(.wrapping(error)))
        }
        let (encoding, answer) = StreamEncoding.answer(offer: request.metadata, compress: settings.compressStreams)
        return StreamingServerResponse(of: WireChunk.self, metadata: answer) { writer in
            // A dialler that cancels the RPC (its reader has gone) must stop the local writer at
            // once: writes to a cancelled RPC do not fail while they fit in the transport's buffers.
            try await withRPCCancellationHandler {
                try await StreamPump.run(local: local, incoming: request.messages, encoding: encoding) { try await writer.write($0) }
            } onCancelRPC: {
                StreamPump.abandon(local)
            }
            return [:]
        }
    }
}
