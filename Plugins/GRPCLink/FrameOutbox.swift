import AsyncAlgorithms
import GRPCCore
import Synchronization

/// The frames waiting for one Control RPC, in order. `send` returns once the RPC writer has
/// taken the frame (back-pressure: a peer that stops reading stops the senders, and nothing
/// piles up); after ``close()`` it throws ``Closed``.
final class FrameOutbox: Sendable {
    /// The connection has ended.
    struct Closed: Error {}

    private let channel = AsyncChannel<WireFrame>()
    private let closed = Atomic<Bool>(false)

    init() {}

    /// Queues `frame` and waits until the writer took it.
    func send(_ frame: WireFrame) async throws {
        guard !closed.load(ordering: .acquiring) else { throw Closed() }
        await channel.send(frame)
        guard !closed.load(ordering: .acquiring) else { throw Closed() }
    }

    /// Writes every queued frame until ``close()`` or a write fails.
    func drain(into writer: RPCWriter<WireFrame>) async throws {
        for await frame in channel {
            try await writer.write(frame)
        }
    }

    /// Refuses further frames and releases every waiting sender.
    func close() {
        closed.store(true, ordering: .releasing)
        channel.finish()
    }
}
