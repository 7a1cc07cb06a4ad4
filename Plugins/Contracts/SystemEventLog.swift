import Kernel

/// The BMC's system event log.
public enum SystemEventLog {
    /// One event, decoded as far as the protocol allows.
    public struct Entry: Codable, Sendable, Equatable {
        public var id: Int
        public var timestamp: Int64?
        public var summary: String

        public init(id: Int, timestamp: Int64?, summary: String) {
            self.id = id
            self.timestamp = timestamp
            self.summary = summary
        }
    }

    /// Lists every entry.
    public struct List: Request {
        public static let topic: Topic = "sel.list"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public struct Reply: Codable, Sendable, Equatable {
            public var entries: [Entry]
            public init(entries: [Entry]) { self.entries = entries }
        }
    }

    /// Clears the log.
    public struct Clear: Request {
        public static let topic: Topic = "sel.clear"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public struct Reply: Codable, Sendable, Equatable {
            public init() {}
        }
    }
}
