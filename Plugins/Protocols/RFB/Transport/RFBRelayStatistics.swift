/// What one viewer session relayed.
public struct RFBRelayStatistics: Sendable, Hashable {
    /// The protocol version the viewer chose.
    public let viewerVersion: RFBProtocolVersion
    /// Bytes of whole client messages forwarded to the BMC (excluding the handshake).
    public let bytesFromViewer: Int
    /// Number of client messages forwarded to the BMC.
    public let messagesFromViewer: Int
    /// Bytes forwarded from the BMC to the viewer (excluding the replayed ServerInit).
    public let bytesFromBMC: Int
}
