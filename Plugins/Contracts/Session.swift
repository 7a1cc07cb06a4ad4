import Kernel

/// Browser console sessions on a gateway (served by the `session` plugin). A session binds a
/// verified token to one server and one console type; a browser holds only the session's
/// ID, in an HttpOnly cookie it got by redeeming a one-time viewer code.
public enum Session {
    /// What a session opens.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The serial console (WebSocket `/v1/servers/{id}/console/serial`).
        case serial
        /// The graphical console (WebSocket `/v1/servers/{id}/console/vnc`).
        case vnc

        /// The token permission a session of this kind needs.
        public var action: Auth.Action {
            switch self {
            case .serial: .console
            case .vnc: .vnc
            }
        }
    }

    /// A session as its holder may see it (never the token).
    public struct Info: Codable, Sendable, Equatable {
        /// 128 random bits, base64url.
        public var id: String
        public var server: ServerID
        public var kind: Kind
        /// Who created it (`sub` of the token).
        public var subject: String
        /// Seconds since 1970.
        public var createdAt: Int64
        /// The lease's end, seconds since 1970, unless refreshed before.
        public var expiresAt: Int64

        public init(id: String, server: ServerID, kind: Kind, subject: String, createdAt: Int64, expiresAt: Int64) {
            self.id = id
            self.server = server
            self.kind = kind
            self.subject = subject
            self.createdAt = createdAt
            self.expiresAt = expiresAt
        }
    }

    /// Creates a session for `server` from a caller's token, which the plugin verifies itself
    /// (`auth.verify`) and which must allow `kind.action` on `server`.
    /// Errors: `unauthenticated`, `denied`, `too-many-sessions`, `bad-request`.
    public struct Create: Request {
        public static let topic: Topic = "session.create"
        public var server: ServerID
        public var kind: Kind
        public var token: String

        public init(server: ServerID, kind: Kind, token: String) {
            self.server = server
            self.kind = kind
            self.token = token
        }

        public struct Reply: Codable, Sendable, Equatable {
            public var session: Info
            /// The one-time viewer code (128 random bits, base64url).
            public var code: String
            /// When the code stops working, seconds since 1970.
            public var codeExpiresAt: Int64
            /// `viewerURL/view/{id}?code=...`: the page that redeems the code.
            public var viewerURL: String

            public init(session: Info, code: String, codeExpiresAt: Int64, viewerURL: String) {
                self.session = session
                self.code = code
                self.codeExpiresAt = codeExpiresAt
                self.viewerURL = viewerURL
            }
        }
    }

    /// Exchanges a one-time viewer code for its session; the code is consumed.
    /// Errors: `unauthenticated` (unknown, used, expired, or for another session).
    public struct Redeem: Request {
        public static let topic: Topic = "session.redeem"
        public var session: String
        public var code: String

        public init(session: String, code: String) {
            self.session = session
            self.code = code
        }

        public typealias Reply = Info
    }

    /// The principal bound to a live session. Counts as use (renews the idle lease).
    /// Errors: `unauthenticated` (unknown, ended or expired session).
    public struct Resolve: Request {
        public static let topic: Topic = "session.resolve"
        public var id: String

        public init(id: String) { self.id = id }

        public struct Reply: Codable, Sendable, Equatable {
            public var session: Info
            /// The token that created the session (for plugins on this node only).
            public var token: String
            /// The token's principal; `expiresAt` is the latest the session can end
            /// (`maxLifetimeSeconds` after creation): a console holding the session renews
            /// it with ``Refresh`` and closes when that says the session is gone.
            public var principal: Auth.Principal

            public init(session: Info, token: String, principal: Auth.Principal) {
                self.session = session
                self.token = token
                self.principal = principal
            }
        }
    }

    /// Renews a session's lease (DHCP-style: a client renews at half the lease).
    /// Errors: `unauthenticated` (unknown, ended or expired session).
    public struct Refresh: Request {
        public static let topic: Topic = "session.refresh"
        public var id: String

        public init(id: String) { self.id = id }

        public typealias Reply = Info
    }

    /// Ends a session now; its cookie is refused from then on. Ending an unknown or already
    /// ended session succeeds (`ended: false`).
    public struct End: Request {
        public static let topic: Topic = "session.end"
        public var id: String

        public init(id: String) { self.id = id }

        public struct Reply: Codable, Sendable, Equatable {
            public var ended: Bool
            public init(ended: Bool) { self.ended = ended }
        }
    }

    /// The live sessions of one server (who is connected).
    public struct List: Request {
        public static let topic: Topic = "session.list"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public struct Reply: Codable, Sendable, Equatable {
            public var sessions: [Info]
            public init(sessions: [Info]) { self.sessions = sessions }
        }
    }
}
