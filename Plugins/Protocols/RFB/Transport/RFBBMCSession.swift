import NIOCore

/// An authenticated, initialised RFB session with a BMC.
public struct RFBBMCSession: Sendable {
    /// Version, security type and ServerInit negotiated with the BMC.
    public let completion: RFBClientHandshake.Completion
    /// The session's byte stream after ServerInit, in both directions. Bytes the BMC sent
    /// right after ServerInit are the first inbound buffer. Use `executeThenClose` once.
    public let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// The BMC's ServerInit, to replay to viewers.
    public var serverInit: RFBServerInit { completion.serverInit }
}
