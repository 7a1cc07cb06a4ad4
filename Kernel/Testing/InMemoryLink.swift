import Kernel
import NIOCore

/// A ``Link`` to another bus in the same process, for tests. Bodies cross as JSON, exactly
/// as on a real link, and the receiving side stamps `from.node` with the linked peer, so the
/// code under test sees what it would see across processes.
public struct InMemoryLink: Link {
    let localNode: NodeID
    let peer: Bus

    public func deliver(_ envelope: Envelope) async throws {
        await peer.receive(try stamped(envelope))
    }

    public func open(_ envelope: Envelope) async throws -> Duplex {
        try await peer.accept(try stamped(envelope))
    }

    private func stamped(_ envelope: Envelope) throws -> Envelope {
        var copy = envelope
        copy.from.node = localNode
        copy.body = .json(try envelope.body.encoded())
        return copy
    }
}
