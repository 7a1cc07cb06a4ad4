import Synchronization

/// Shared between the two ends of one direction of a ``Duplex``: whether the reader has
/// closed its end, so the writer stops with ``BusError/streamClosed`` instead of writing into
/// the void.
final class ByteStreamState: Sendable {
    private let readerClosed = Mutex(false)

    var isReaderClosed: Bool { readerClosed.withLock { $0 } }
    func closeReader() { readerClosed.withLock { $0 = true } }
}
