import AsyncAlgorithms
import NIOCore

/// One end of a back-pressured, two-way byte stream (a console, a VNC session, a tunnel).
///
/// Read the peer's bytes from ``inbound``; write yours to ``outbound``. Locally the two ends
/// are connected directly; across a link each stream rides its own transport stream.
public struct Duplex: Sendable {
    /// Bytes from the other end.
    public let inbound: ByteStreamReader
    /// Bytes to the other end.
    public let outbound: ByteStreamWriter

    public init(inbound: ByteStreamReader, outbound: ByteStreamWriter) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Two connected ends: what one writes, the other reads.
    public static func pair() -> (Duplex, Duplex) {
        let (aToBReader, aToBWriter) = pipe()
        let (bToAReader, bToAWriter) = pipe()
        return (
            Duplex(inbound: bToAReader, outbound: aToBWriter),
            Duplex(inbound: aToBReader, outbound: bToAWriter)
        )
    }

    /// One direction: a reader and the writer that feeds it.
    public static func pipe() -> (ByteStreamReader, ByteStreamWriter) {
        let channel = AsyncThrowingChannel<ByteBuffer, any Error>()
        let state = ByteStreamState()
        return (ByteStreamReader(channel: channel, state: state), ByteStreamWriter(channel: channel, state: state))
    }

    /// Closes both directions from this end.
    public func close() {
        inbound.close()
        outbound.finish()
    }
}
