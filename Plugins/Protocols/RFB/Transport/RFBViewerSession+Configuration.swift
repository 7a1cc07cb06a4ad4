import NIOCore

extension RFBViewerSession {
    /// Limits for serving a viewer.
    public struct Configuration: Sendable {
        /// Time from the viewer's connection to its ClientInit.
        public var handshakeTimeout: TimeAmount
        /// Bounds on the viewer's variable-length messages.
        public var limits: RFBClientMessageFramer.Limits
        /// Ends the session when the viewer sends no user input (keys, pointer, clipboard) for
        /// this long; `nil` never does. Honoured by the `Duplex` variant of `serve`.
        public var idleTimeout: TimeAmount?

        public init(
            handshakeTimeout: TimeAmount = .seconds(10),
            limits: RFBClientMessageFramer.Limits = .init(),
            idleTimeout: TimeAmount? = nil
        ) {
            self.handshakeTimeout = handshakeTimeout
            self.limits = limits
            self.idleTimeout = idleTimeout
        }
    }
}
