import NIOCore

extension RFBBMCConnection {
    /// Where the BMC's VNC server is and how to log in to it.
    public struct Configuration: Sendable, CustomStringConvertible {
        public var host: String
        public var port: Int
        /// Password, shared flag and limits for the handshake.
        public var handshake: RFBClientHandshake.Configuration
        public var connectTimeout: TimeAmount
        /// Time from TCP connect to ServerInit.
        public var handshakeTimeout: TimeAmount

        public init(
            host: String,
            port: Int = 5900,
            password: String? = nil,
            connectTimeout: TimeAmount = .seconds(5),
            handshakeTimeout: TimeAmount = .seconds(10)
        ) {
            self.host = host
            self.port = port
            // This transport cannot run TLS, so VeNCrypt is never chosen.
            handshake = RFBClientHandshake.Configuration(password: password, allowsVeNCryptTLS: false)
            self.connectTimeout = connectTimeout
            self.handshakeTimeout = handshakeTimeout
        }

        /// Never shows the password.
        public var description: String {
            "RFBBMCConnection.Configuration(\(host):\(port), \(handshake))"
        }
    }
}
