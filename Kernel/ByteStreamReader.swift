import AsyncAlgorithms
import NIOCore

/// The receiving half of one direction of a ``Duplex``: an async sequence of buffers that
/// ends when the writer finishes and throws when it fails.
public struct ByteStreamReader: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer
    public typealias AsyncIterator = AsyncThrowingChannel<ByteBuffer, any Error>.Iterator

    let channel: AsyncThrowingChannel<ByteBuffer, any Error>
    let state: ByteStreamState

    public func makeAsyncIterator() -> AsyncIterator { channel.makeAsyncIterator() }

    /// Stops reading: the writer's pending and later writes throw ``BusError/streamClosed``.
    public func close() {
        state.closeReader()
        channel.finish()
    }
}
