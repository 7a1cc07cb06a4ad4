import Foundation
import NIOCore

/// The payload of an ``Envelope``: the value itself on this node, JSON once it crossed a link.
public enum Body: Sendable {
    /// A local value, delivered as is.
    case value(any Encodable & Sendable)
    /// The JSON encoding of the value, as links carry it.
    case json(ByteBuffer)

    /// The JSON form, encoding a local value if needed.
    public func encoded() throws -> ByteBuffer {
        switch self {
        case .json(let buffer):
            return buffer
        case .value(let value):
            return ByteBuffer(bytes: try JSONEncoder().encode(value))
        }
    }

    /// The payload as `T`: a cast for a local value, a decode for JSON. A mismatch throws
    /// ``BusError/wrongType(topic:expected:got:)``, never traps.
    public func decode<T: Decodable & Sendable>(_ type: T.Type, topic: Topic) throws -> T {
        switch self {
        case .value(let value):
            guard let typed = value as? T else {
                throw BusError.wrongType(topic: topic, expected: "\(T.self)", got: "\(Swift.type(of: value))")
            }
            return typed
        case .json(let buffer):
            do {
                return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
            } catch {
                throw BusError.wrongType(topic: topic, expected: "\(T.self)", got: "undecodable JSON (\(error))")
            }
        }
    }
}
