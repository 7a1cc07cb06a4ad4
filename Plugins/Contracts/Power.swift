import Kernel

/// Power control of one server, served by whichever BMC protocol plugin manages it.
public enum Power {
    /// What to do with the power.
    public enum Action: String, Codable, Sendable, CaseIterable {
        case on, off, cycle, reset
        /// ACPI soft shutdown: asks the operating system to shut down.
        case soft
    }

    /// The chassis power as the BMC reports it.
    public enum State: String, Codable, Sendable {
        case on, off, unknown
    }

    /// Performs a power action.
    public struct Set: Request {
        public static let topic: Topic = "power.set"
        public var server: ServerID
        public var action: Action

        public init(server: ServerID, action: Action) {
            self.server = server
            self.action = action
        }

        public struct Reply: Codable, Sendable, Equatable {
            public var server: ServerID
            public var action: Action
            public init(server: ServerID, action: Action) {
                self.server = server
                self.action = action
            }
        }
    }

    /// Reads the power state.
    public struct Status: Request {
        public static let topic: Topic = "power.status"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public struct Reply: Codable, Sendable, Equatable {
            public var server: ServerID
            public var state: State
            public init(server: ServerID, state: State) {
                self.server = server
                self.state = state
            }
        }
    }
}
