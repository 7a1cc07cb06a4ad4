extension RFBClientHandshake {
    /// The outcome of a successful handshake with the server.
    public struct Completion: Sendable, Hashable {
        /// The protocol version in use.
        public let version: RFBProtocolVersion
        /// The security type that authenticated the session.
        public let securityType: RFBSecurityType
        /// The VeNCrypt sub-type when `securityType` is VeNCrypt.
        public let veNCryptSubtype: RFBVeNCryptSubtype?
        /// The server's ServerInit, with the raw bytes for replay.
        public let serverInit: RFBServerInit
        /// Bytes received after ServerInit: the start of the server's normal message stream.
        public let trailingBytes: [UInt8]
    }
}
