import Kernel

/// Who is calling and what they may do, as the `auth` plugin establishes it from a token.
/// A gateway verifies tokens offline (the manager's public keys), never per request.
public enum Auth {
    /// What a token may be used for on a server.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Power and boot control.
        case power
        /// The serial console, writable.
        case console
        /// The graphical console.
        case vnc
        /// Raw IPMI/Redfish through the proxy.
        case proxy
        /// Read-only: status, BMC info, event log, console observation.
        case view
    }

    /// A verified caller.
    public struct Principal: Codable, Sendable, Equatable {
        /// The user (`sub`).
        public var subject: String
        public var tenant: String?
        /// The one server a session token is scoped to; nil for a login token.
        public var server: String?
        public var actions: [Action]
        /// Seconds since 1970.
        public var expiresAt: Int64
        public var superadmin: Bool

        public init(subject: String, tenant: String?, server: String?, actions: [Action], expiresAt: Int64, superadmin: Bool = false) {
            self.subject = subject
            self.tenant = tenant
            self.server = server
            self.actions = actions
            self.expiresAt = expiresAt
            self.superadmin = superadmin
        }

        /// Whether this principal may do `action` on `server`.
        public func allows(_ action: Action, on server: String) -> Bool {
            guard self.server == server else { return false }
            return actions.contains(action) || (action == .view && !actions.isEmpty)
        }
    }

    /// Verifies a bearer token for this node (the audience).
    /// Errors (`BusError.remote` codes): `unauthenticated` (missing, malformed, expired,
    /// wrong audience, bad signature, unknown key).
    public struct Verify: Request {
        public static let topic: Topic = "auth.verify"
        public var token: String

        public init(token: String) { self.token = token }

        public typealias Reply = Principal
    }
}
