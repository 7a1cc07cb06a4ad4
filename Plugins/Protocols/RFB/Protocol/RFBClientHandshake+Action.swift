extension RFBClientHandshake {
    /// What the transport must do after feeding the state machine.
    public enum Action: Sendable, Hashable {
        /// Write these bytes to the server.
        case send([UInt8])
        /// Run a TLS client handshake on the connection for this VeNCrypt sub-type, then call
        /// `tlsEstablished()`. Feed only decrypted bytes afterwards.
        case startTLS(RFBVeNCryptSubtype)
        /// The handshake is done; the connection now carries normal RFB messages.
        case completed(Completion)
    }
}
