/// A value that travels on the bus under a stable ``Topic``.
///
/// Locally the value itself is delivered (no encoding); across a link it travels as JSON,
/// so fields evolve by adding optionals and old and new nodes keep talking.
public protocol Message: Codable, Sendable {
    /// The stable wire name of this message type.
    static var topic: Topic { get }
}

/// A message that is answered with exactly one typed ``Reply``.
public protocol Request: Message {
    /// What the handler answers.
    associatedtype Reply: Codable & Sendable
}

/// A message whose answer is a back-pressured duplex byte stream (a console, a VNC session).
public protocol StreamRequest: Message {}
