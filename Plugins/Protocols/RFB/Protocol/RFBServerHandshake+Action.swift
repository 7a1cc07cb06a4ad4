extension RFBServerHandshake {
    /// What the transport must do after feeding the state machine.
    public enum Action: Sendable, Hashable {
        /// Write these bytes to the viewer.
        case send([UInt8])
        /// The handshake is done; the viewer's normal message stream follows.
        case completed(Completion)
    }
}
