import Foundation
import Kernel
import NIOCore

/// Converts between the bus's envelopes and the wire's frames. Pure: no I/O, no clock, and
/// every malformed frame is a thrown ``LinkProtocolError``, never a crash.
enum FrameCodec {
    /// The frame carrying `envelope`; the body is encoded to JSON if it is still a value.
    static func frame(_ envelope: Envelope) throws -> WireFrame {
        var frame = WireFrame()
        frame.kind = kind(envelope.kind)
        frame.topic = envelope.topic.rawValue
        frame.from = address(envelope.from)
        frame.to = destination(envelope.to)
        frame.correlation = envelope.correlation
        frame.metadata = envelope.metadata
        frame.payload = Data(try envelope.body.encoded().readableBytesView)
        return frame
    }

    /// The envelope a frame from the authenticated `peer` carries. `from.node` is always
    /// `peer`, whatever the frame says.
    static func envelope(_ frame: WireFrame, from peer: NodeID) throws(LinkProtocolError) -> Envelope {
        guard let kind = envelopeKind(frame.kind) else {
            throw .badFrame("kind \(frame.kind.rawValue) is not an envelope kind")
        }
        guard !frame.topic.isEmpty else { throw .badFrame("\(kind.rawValue) frame without a topic") }
        guard frame.hasFrom, !frame.from.instance.isEmpty else {
            throw .badFrame("\(kind.rawValue) frame on \(frame.topic) without a sending instance")
        }
        guard frame.hasTo, let to = destination(frame.to) else {
            throw .badFrame("\(kind.rawValue) frame on \(frame.topic) without a destination")
        }
        return Envelope(
            kind: kind, topic: Topic(frame.topic), from: Address(instance: PluginID(frame.from.instance), node: peer),
            to: to, correlation: frame.correlation, metadata: frame.metadata, body: .json(ByteBuffer(bytes: frame.payload)))
    }

    static func kind(_ kind: Envelope.Kind) -> WireFrame.Kind {
        switch kind {
        case .send: .send
        case .ask: .ask
        case .reply: .reply
        case .failure: .failure
        case .open: .open
        }
    }

    static func envelopeKind(_ kind: WireFrame.Kind) -> Envelope.Kind? {
        switch kind {
        case .send: .send
        case .ask: .ask
        case .reply: .reply
        case .failure: .failure
        case .open: .open
        default: nil
        }
    }

    static func address(_ address: Address) -> WireAddress {
        var wire = WireAddress()
        wire.instance = address.instance.rawValue
        wire.node = address.node.rawValue
        return wire
    }

    static func destination(_ destination: Destination) -> WireDestination {
        var wire = WireDestination()
        switch destination {
        case .nearest: wire.nearest = true
        case .node(let node): wire.node = node.rawValue
        case .exactly(let target): wire.exactly = address(target)
        }
        return wire
    }

    static func destination(_ wire: WireDestination) -> Destination? {
        switch wire.target {
        case .nearest?: return .nearest
        case .node(let node)? where !node.isEmpty: return .node(NodeID(node))
        case .exactly(let target)? where !target.instance.isEmpty && !target.node.isEmpty:
            return .exactly(Address(instance: PluginID(target.instance), node: NodeID(target.node)))
        default: return nil
        }
    }
}
