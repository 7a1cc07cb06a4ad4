import Contracts
import Foundation
import Kernel

/// Console messages that `SerialConsole` in Contracts does not (yet) have: attach options,
/// the shared console's state, and the take-over audit event.
public enum IPMIConsole {
    /// Attaches like ``SerialConsole/Attach`` with options.
    public struct Attach: StreamRequest {
        public static let topic: Topic = "ipmi.console.attach"
        public var server: ServerID
        /// Take the keyboard from the current writer; take the BMC's SOL payload from another
        /// session only where the plugin sets `allowForceTakeover`.
        public var force: Bool
        /// Start with the retained console log (true) or with live output only (false).
        public var scrollback: Bool
        /// Observe only: never become the writer.
        public var readOnly: Bool

        public init(server: ServerID, force: Bool = false, scrollback: Bool = true, readOnly: Bool = false) {
            self.server = server
            self.force = force
            self.scrollback = scrollback
            self.readOnly = readOnly
        }
    }

    /// Reads the state of a server's shared console.
    public struct Status: Request {
        public static let topic: Topic = "ipmi.console.status"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public struct Reply: Codable, Sendable, Equatable {
            public var server: ServerID
            /// `closed` (never attached), `connecting`, `active`, `reconnecting`, `stopped`.
            public var session: String
            /// Why the SOL session is not active, if it is not.
            public var lastError: String?
            public var viewers: [Viewer]
            /// Offsets of the retained console log: `logStart ..< logEnd`.
            public var logStart: UInt64
            public var logEnd: UInt64
            /// SOL sessions opened since the plugin started (1 + reconnects).
            public var sessionsOpened: Int

            public init(
                server: ServerID, session: String, lastError: String?, viewers: [Viewer],
                logStart: UInt64, logEnd: UInt64, sessionsOpened: Int
            ) {
                self.server = server
                self.session = session
                self.lastError = lastError
                self.viewers = viewers
                self.logStart = logStart
                self.logEnd = logEnd
                self.sessionsOpened = sessionsOpened
            }
        }
    }

    /// One attached viewer.
    public struct Viewer: Codable, Sendable, Equatable {
        public var id: UInt64
        public var caller: Address
        public var writer: Bool

        public init(id: UInt64, caller: Address, writer: Bool) {
            self.id = id
            self.caller = caller
            self.writer = writer
        }
    }

    /// Sent (to `.nearest`, if anyone serves it) whenever a forced attach takes the keyboard
    /// from another viewer or the SOL payload from another BMC session.
    public struct Takeover: Message {
        public static let topic: Topic = "console.takeover"

        /// What was taken.
        public enum Scope: String, Codable, Sendable {
            /// The keyboard of Tether's shared console, from another viewer.
            case writer
            /// The BMC's SOL payload, from a session outside this plugin.
            case bmcPayload = "bmc-payload"
        }

        public var server: ServerID
        public var scope: Scope
        /// Who forced it.
        public var by: Address
        /// The principal in the caller's metadata, if any.
        public var principal: String?
        /// The viewer who lost the keyboard (scope `writer`).
        public var previous: Address?
        public var at: Date

        public init(server: ServerID, scope: Scope, by: Address, principal: String?, previous: Address?, at: Date) {
            self.server = server
            self.scope = scope
            self.by = by
            self.principal = principal
            self.previous = previous
            self.at = at
        }
    }
}
