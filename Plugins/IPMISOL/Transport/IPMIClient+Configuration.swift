extension IPMIClient {
    /// How to reach and log in to one BMC, and how patient to be with it.
    public struct Configuration: Sendable {
        /// BMC host name or IP address.
        public var host: String
        /// RMCP port (623 by default).
        public var port: Int
        /// User name, at most 16 bytes of UTF-8.
        public var username: String
        /// Password (Kuid), at most 20 bytes of UTF-8.
        public var password: String
        /// BMC key Kg for two-key logins; nil or all zero uses the password.
        public var bmcKey: [UInt8]?
        /// Session privilege to request; ADMINISTRATOR is needed for most power actions.
        public var privilege: PrivilegeLevel
        public var cipherSuitePolicy: CipherSuitePolicy
        /// How long to wait for one answer from the BMC, retransmissions included.
        public var timeout: Duration
        /// Transmissions per message within ``timeout`` (the first one included).
        public var maximumAttempts: Int
        /// Send Get Device ID after this much idle time to keep the session open; nil disables.
        public var keepaliveInterval: Duration?
        /// SOL packet retransmission timeout and attempts per packet.
        public var solRetransmitTimeout: Duration
        public var solMaximumAttempts: Int

        public init(
            host: String,
            port: Int = 623,
            username: String,
            password: String,
            privilege: PrivilegeLevel = .administrator,
            cipherSuitePolicy: CipherSuitePolicy = .strongest,
            timeout: Duration = .seconds(4),
            maximumAttempts: Int = 4,
            keepaliveInterval: Duration? = .seconds(10)
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.bmcKey = nil
            self.privilege = privilege
            self.cipherSuitePolicy = cipherSuitePolicy
            self.timeout = timeout
            self.maximumAttempts = maximumAttempts
            self.keepaliveInterval = keepaliveInterval
            self.solRetransmitTimeout = .milliseconds(500)
            self.solMaximumAttempts = 8
        }

        /// Throws ``IPMIError/invalidConfiguration(_:)`` naming the first bad field.
        public func validate() throws(IPMIError) {
            guard !host.isEmpty else { throw .invalidConfiguration("host is empty") }
            guard (1...65535).contains(port) else { throw .invalidConfiguration("port \(port) is not in 1...65535") }
            guard username.utf8.count <= RAKPMessage1.maximumUsernameLength else {
                throw .invalidConfiguration("username is \(username.utf8.count) bytes; IPMI allows at most 16")
            }
            guard password.utf8.count <= 20 else {
                throw .invalidConfiguration("password is \(password.utf8.count) bytes; IPMI v2.0 allows at most 20")
            }
            if let bmcKey, bmcKey.count > 20 {
                throw .invalidConfiguration("bmcKey is \(bmcKey.count) bytes; IPMI v2.0 allows at most 20")
            }
            guard !cipherSuitePolicy.preferenceOrder.isEmpty else {
                throw .invalidConfiguration("cipherSuitePolicy accepts no cipher suite")
            }
            guard maximumAttempts >= 1, solMaximumAttempts >= 1 else {
                throw .invalidConfiguration("maximumAttempts and solMaximumAttempts must be at least 1")
            }
            guard timeout > .zero, solRetransmitTimeout > .zero else {
                throw .invalidConfiguration("timeout and solRetransmitTimeout must be positive")
            }
        }

        var sessionConfiguration: RMCPPlusSession.Configuration {
            RMCPPlusSession.Configuration(
                username: Array(username.utf8),
                password: Array(password.utf8),
                bmcKey: bmcKey,
                privilege: privilege,
                cipherSuitePolicy: cipherSuitePolicy,
                attemptTimeout: timeout / maximumAttempts,
                maximumAttempts: maximumAttempts,
                randomBytes: SecureRandom.bytes
            )
        }
    }
}
