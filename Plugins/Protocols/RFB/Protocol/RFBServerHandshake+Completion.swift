extension RFBServerHandshake {
    /// The outcome of a successful handshake with the viewer.
    public struct Completion: Sendable, Hashable {
        /// The protocol version the viewer chose.
        public let version: RFBProtocolVersion
        /// The viewer's ClientInit shared flag (informational: the BMC session is always shared).
        public let sharedFlag: Bool
        /// Bytes received after ClientInit: the start of the viewer's message stream.
        public let trailingBytes: [UInt8]
    }
}
