import Foundation
import Kernel

/// What the optional range probe found.
public enum IPMIDiscovery {
    /// Lists the hosts that answered the RMCP presence ping.
    public struct List: Request {
        public static let topic: Topic = "ipmi.discovery.list"
        /// Probe now (and wait for it) instead of returning the last result.
        public var refresh: Bool

        public init(refresh: Bool = false) { self.refresh = refresh }

        public struct Reply: Codable, Sendable, Equatable {
            public var found: [Found]
            /// When the ranges were last probed; nil before the first probe.
            public var probedAt: Date?

            public init(found: [Found], probedAt: Date?) {
                self.found = found
                self.probedAt = probedAt
            }
        }
    }

    /// One host that answered.
    public struct Found: Codable, Sendable, Equatable {
        public var host: String
        public var port: Int
        /// The pong says the host supports IPMI.
        public var supportsIPMI: Bool
        /// The configured server at that address and port, if any.
        public var server: String?

        public init(host: String, port: Int, supportsIPMI: Bool, server: String?) {
            self.host = host
            self.port = port
            self.supportsIPMI = supportsIPMI
            self.server = server
        }
    }
}
