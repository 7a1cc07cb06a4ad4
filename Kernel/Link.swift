/// Carries envelopes to one other node. Implemented by link plugins, not by the kernel.
///
/// A link is attached to the bus with ``Bus/attach(_:via:serving:isDefault:while:)`` for as
/// long as it is up; when it goes down the bus fails that node's pending asks with
/// ``BusError/unreachable(node:)``.
public protocol Link: Sendable {
    /// Delivers a send, ask, reply or failure to the peer. Bodies are already JSON.
    func deliver(_ envelope: Envelope) async throws
    /// Opens a byte stream to the peer's handler for `envelope.topic`; the returned duplex is
    /// the local end.
    func open(_ envelope: Envelope) async throws -> Duplex
}
