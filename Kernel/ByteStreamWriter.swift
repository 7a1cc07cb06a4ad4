import AsyncAlgorithms
import NIOCore

/// The sending half of one direction of a ``Duplex``.
///
/// `write` suspends until the reader has taken the buffer: a reader that stops reading stops
/// the writer (back-pressure), and nothing piles up in memory.
public struct ByteStreamWriter: Sendable {
    let channel: AsyncThrowingChannel<ByteBuffer, any Error>
    let state: ByteStreamState

    /// Hands `buffer` to the reader, suspending until it is taken.
    /// - Throws: ``BusError/streamClosed`` once the reader has closed its end.
    public func write(_ buffer: ByteBuffer) async throws {
        guard !state.isReaderClosed else { throw BusError.streamClosed }
        await channel.send(buffer)
        guard !state.isReaderClosed else { throw BusError.streamClosed }
    }

    /// Ends the stream normally; the reader's loop finishes after the last buffer.
    public func finish() { channel.finish() }

    /// Ends the stream with an error the reader's loop throws.
    public func fail(_ error: any Error) { channel.fail(error) }
}
