import Kernel

/// The ``Link`` the bus uses for one connected peer: envelopes go into the connection's
/// outbox; stream openings go to the side-specific opener.
struct PeerLink: Link {
    let peer: NodeID
    let outbox: FrameOutbox
    let opener: @Sendable (Envelope) async throws -> Duplex

    func deliver(_ envelope: Envelope) async throws {
        let frame = try FrameCodec.frame(envelope)
        do {
            try await outbox.send(frame)
        } catch {
            throw BusError.unreachable(node: peer)
        }
    }

    func open(_ envelope: Envelope) async throws -> Duplex {
        try await opener(envelope)
    }
}
