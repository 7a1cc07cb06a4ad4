extension RFBClientHandshake {
    /// What the agent brings to the handshake with the BMC's VNC server.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The VNC password. Only its first 8 bytes are used, as VNC Authentication defines.
        public var password: [UInt8]?
        /// Whether the transport can run TLS, so VeNCrypt may be chosen.
        public var allowsVeNCryptTLS: Bool
        /// The ClientInit shared flag; `true` keeps other viewers of the BMC connected.
        public var sharedSession: Bool
        /// Upper bound on the ServerInit desktop name length.
        public var maximumNameLength: Int
        /// Upper bound on a failure reason string from the server.
        public var maximumReasonLength: Int

        /// - Parameters:
        ///   - password: the VNC password as UTF-8, or `nil` when the server needs none.
        ///   - allowsVeNCryptTLS: set only when the transport implements the TLS upgrade.
        public init(password: String? = nil, allowsVeNCryptTLS: Bool = false) {
            self.password = password.map { Array($0.utf8) }
            self.allowsVeNCryptTLS = allowsVeNCryptTLS
            sharedSession = true
            maximumNameLength = RFBServerInit.defaultMaximumNameLength
            maximumReasonLength = 64 * 1024
        }

        /// Never shows the password.
        public var description: String {
            "RFBClientHandshake.Configuration(password: \(password == nil ? "none" : "<redacted>"), "
                + "allowsVeNCryptTLS: \(allowsVeNCryptTLS), sharedSession: \(sharedSession))"
        }
    }
}
