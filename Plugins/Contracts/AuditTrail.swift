import Kernel

/// Audit records made away from the manager (power, boot and console events at a gateway)
/// and carried to it: a local `audit.record` to the gateway's relay (`routing`), which
/// buffers and delivers batches with `manager.audit-events`.
public enum AuditTrail {
    /// Whether the audited action happened.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case ok, failed, denied
    }

    /// One audited action.
    public struct Event: Codable, Sendable, Equatable {
        /// Milliseconds since 1970, when it happened.
        public var atMilliseconds: Int64
        /// The token subject (`sub`), or `anonymous` when no token could be read.
        public var actor: String
        /// `power.set`, `boot.set`, `console.open`, `console.close`, `vnc.open`, `vnc.close`,
        /// `audit.dropped`.
        public var action: String
        public var outcome: Outcome
        public var tenant: String?
        public var server: String?
        /// The client address, when known.
        public var source: String?
        public var detail: String

        public init(
            atMilliseconds: Int64, actor: String, action: String, outcome: Outcome, tenant: String? = nil, server: String? = nil,
            source: String? = nil, detail: String = ""
        ) {
            self.atMilliseconds = atMilliseconds
            self.actor = actor
            self.action = action
            self.outcome = outcome
            self.tenant = tenant
            self.server = server
            self.source = source
            self.detail = detail
        }
    }

    /// Records one event on this node; the relay there forwards it (no reply, never blocks
    /// the caller for the manager).
    public struct Record: Message {
        public static let topic: Topic = "audit.record"
        public var event: Event

        public init(event: Event) { self.event = event }
    }

    /// A gateway's batch of events for the manager's audit log; answered once stored, so the
    /// gateway drops them from its buffer only then.
    public struct Deliver: Request {
        public static let topic: Topic = "manager.audit-events"
        /// The delivering gateway: must be the node the batch arrives from.
        public var gateway: NodeID
        public var events: [Event]

        public init(gateway: NodeID, events: [Event]) {
            self.gateway = gateway
            self.events = events
        }

        public struct Reply: Codable, Sendable, Equatable {
            public var stored: Int
            public init(stored: Int) { self.stored = stored }
        }
    }
}
