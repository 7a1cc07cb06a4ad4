import NIOCore

/// An authenticated BMC session as a plain byte stream, whatever carries it (TCP, WebSocket):
/// what the viewer relay needs from the BMC side.
public struct RFBBMCStream: Sendable {
    /// The BMC's ServerInit, replayed to the viewer.
    public let serverInit: RFBServerInit
    /// Bytes the BMC sent right after ServerInit that are not in `inbound`.
    public let pendingBytes: [UInt8]
    /// The BMC's message stream after ServerInit. Iterated once, by the relay.
    public let inbound: any AsyncSequence<ByteBuffer, any Error> & Sendable
    /// Sends bytes to the BMC.
    public let write: @Sendable (ByteBuffer) async throws -> Void
    /// Closes the connection to the BMC; `inbound` then ends.
    public let close: @Sendable () -> Void

    public init(
        serverInit: RFBServerInit,
        pendingBytes: [UInt8] = [],
        inbound: any AsyncSequence<ByteBuffer, any Error> & Sendable,
        write: @escaping @Sendable (ByteBuffer) async throws -> Void,
        close: @escaping @Sendable () -> Void
    ) {
        self.serverInit = serverInit
        self.pendingBytes = pendingBytes
        self.inbound = inbound
        self.write = write
        self.close = close
    }
}
