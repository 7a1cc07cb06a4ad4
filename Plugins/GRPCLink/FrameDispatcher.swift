import Kernel
import Logging
import NIOCore

/// What both ends of a link do with the envelope frames of an authenticated Control RPC.
/// A frame that cannot be read is answered, never fatal: an ask gets a failure (so the asker
/// does not wait for its timeout), anything else an error frame, and the link keeps serving.
struct FrameDispatcher: Sendable {
    let peer: NodeID
    let bus: Bus
    let outbox: FrameOutbox
    let logger: Logger

    /// Hands a send, ask, reply or failure to the bus with `from.node` stamped as the peer;
    /// logs an error frame from the peer; answers anything else as a bad frame.
    func dispatch(_ frame: WireFrame) async {
        switch frame.kind {
        case .send, .ask, .reply, .failure:
            do {
                await bus.receive(try FrameCodec.envelope(frame, from: peer))
            } catch {
                await reject(frame, because: error)
            }
        case .error:
            logger.warning("link peer could not use a frame", metadata: ["link.node": "\(peer)", "error": "\(frame.error)"])
        default:
            await reject(frame, because: .badFrame("unexpected frame kind \(frame.kind.rawValue) on an established link"))
        }
    }

    /// Logs a frame that cannot be used and tells the peer why.
    func reject(_ frame: WireFrame, because error: LinkProtocolError) async {
        logger.warning("bad frame from link peer", metadata: [
            "link.node": "\(peer)", "frame.kind": "\(frame.kind.rawValue)", "frame.topic": "\(frame.topic.prefix(80))", "error": "\(error)",
        ])
        var answer = WireFrame()
        if frame.kind == .ask, frame.correlation != 0 {
            let failure = BusError.remote(code: "bad-frame", message: error.description)
            let envelope = Envelope(
                kind: .failure, topic: Topic(frame.topic.isEmpty ? "link.bad-frame" : frame.topic), from: bus.address,
                to: .node(peer), correlation: frame.correlation,
                body: .json(ByteBuffer(string: BusErrorText.encode(failure))))
            guard let encoded = try? FrameCodec.frame(envelope) else { return }
            answer = encoded
        } else {
            answer.kind = .error
            answer.topic = frame.topic
            answer.correlation = frame.correlation
            answer.error = error.description
        }
        try? await outbox.send(answer)
    }
}
