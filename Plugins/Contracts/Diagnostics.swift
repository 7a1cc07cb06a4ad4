import Kernel

/// Messages every node answers, for health checks, link tests and benchmarks.
public enum Diagnostics {
    /// Echoes its payload and names the node that answered.
    public struct Ping: Request {
        public static let topic: Topic = "diagnostics.ping"
        public var payload: String

        public init(payload: String = "") { self.payload = payload }

        public struct Reply: Codable, Sendable, Equatable {
            public var payload: String
            public var node: NodeID

            public init(payload: String, node: NodeID) {
                self.payload = payload
                self.node = node
            }
        }
    }
}
