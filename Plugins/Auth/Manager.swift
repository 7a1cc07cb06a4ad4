import Foundation
import Kernel
import Storage

/// The manager's bus messages (served by `auth`, used by `api` and later by gRPC).
/// Requests that act for a user carry its login token; the `auth` plugin verifies it.
/// Candidates for `Plugins/Contracts` once the manager settles.
public enum Manager {
    /// A token with what a client needs to use it.
    public struct IssuedToken: Codable, Sendable, Hashable {
        public var token: String
        public var expiresAt: Date
        public var kind: TokenKind
        public init(token: String, expiresAt: Date, kind: TokenKind) {
            self.token = token
            self.expiresAt = expiresAt
            self.kind = kind
        }
    }

    /// Logs in a local user with a password.
    public struct Login: Request {
        public static let topic: Topic = "manager.login"
        public typealias Reply = IssuedToken
        public var username: String
        public var password: String
        /// The client address, for rate limits and the audit log.
        public var source: String
        public init(username: String, password: String, source: String) {
            self.username = username
            self.password = password
            self.source = source
        }
    }

    /// Exchanges a valid login token for a fresh one (never beyond the maximum login age).
    public struct Refresh: Request {
        public static let topic: Topic = "manager.refresh"
        public typealias Reply = IssuedToken
        public var loginToken: String
        public var source: String
        public init(loginToken: String, source: String) {
            self.loginToken = loginToken
            self.source = source
        }
    }

    /// Issues a session token for one server.
    public struct IssueSessionToken: Request {
        public static let topic: Topic = "manager.session-token"
        public var loginToken: String
        public var server: String
        /// The actions wanted; nil: all the caller's role allows.
        public var actions: [ServerAction]?
        public var source: String
        public init(loginToken: String, server: String, actions: [ServerAction]? = nil, source: String) {
            self.loginToken = loginToken
            self.server = server
            self.actions = actions
            self.source = source
        }

        public struct Reply: Codable, Sendable, Hashable {
            public var token: IssuedToken
            /// The gateway that accepts it (the token's audience), and where to find it.
            public var gateway: String
            public var gatewayURL: String?
            public var actions: [ServerAction]
        }
    }

    /// A server as a caller may see it, with what it may do there.
    public struct ServerView: Codable, Sendable, Hashable {
        public var id: String
        public var tenant: String?
        public var gateway: String?
        public var capabilities: [String]
        public var actions: [ServerAction]
        /// Whether its agent and gateway are up now (from the gateways' reports); nil when no
        /// gateway ever reported it.
        public var online: Bool?
        /// The agent node that serves it, per its gateway's last report.
        public var agent: String?
        public var lastSeen: Date?
    }

    /// The servers of the caller's tenants (every server for a superadmin).
    public struct ListServers: Request {
        public static let topic: Topic = "manager.servers"
        public var loginToken: String
        public var source: String
        public init(loginToken: String, source: String) {
            self.loginToken = loginToken
            self.source = source
        }
        public struct Reply: Codable, Sendable, Hashable {
            public var servers: [ServerView]
        }
    }

    /// One server, if the caller may see it.
    public struct ShowServer: Request {
        public static let topic: Topic = "manager.server"
        public typealias Reply = ServerView
        public var loginToken: String
        public var server: String
        public var source: String
        public init(loginToken: String, server: String, source: String) {
            self.loginToken = loginToken
            self.server = server
            self.source = source
        }
    }

    /// Audit records: all for a superadmin, the tenants it administers for an admin. Newest
    /// first (paging back with `beforeID`), or oldest first after `afterID` (following the log).
    public struct QueryAudit: Request {
        public static let topic: Topic = "manager.audit"
        public var loginToken: String
        public var beforeID: Int64?
        /// Records with a larger ID, oldest first.
        public var afterID: Int64?
        /// Only this tenant's records (a tenant admin: one of its tenants).
        public var tenant: String?
        public var server: String?
        public var action: String?
        /// Records at or after this time.
        public var since: Date?
        /// Records before this time.
        public var until: Date?
        public var limit: Int
        public var source: String
        public init(
            loginToken: String, beforeID: Int64? = nil, afterID: Int64? = nil, tenant: String? = nil, server: String? = nil, action: String? = nil,
            since: Date? = nil, until: Date? = nil, limit: Int = 100, source: String
        ) {
            self.loginToken = loginToken
            self.beforeID = beforeID
            self.afterID = afterID
            self.tenant = tenant
            self.server = server
            self.action = action
            self.since = since
            self.until = until
            self.limit = limit
            self.source = source
        }
        public struct Reply: Codable, Sendable, Hashable {
            public var events: [AuditEvent]
        }
    }

    /// The public signing keys.
    public struct JWKS: Request {
        public static let topic: Topic = "manager.jwks"
        public typealias Reply = JWKSDocument
        public init() {}
    }

    /// Rotates the signing key now (superadmin only).
    public struct RotateKey: Request {
        public static let topic: Topic = "manager.rotate-key"
        public var loginToken: String
        public var source: String
        public init(loginToken: String, source: String) {
            self.loginToken = loginToken
            self.source = source
        }
        public struct Reply: Codable, Sendable, Hashable {
            public var kid: String
        }
    }

    /// Starts an OIDC login: the URL to send the browser to.
    public struct OIDCStart: Request {
        public static let topic: Topic = "manager.oidc-start"
        /// A CLI's loopback callback (`http://127.0.0.1:PORT/callback`); nil: the manager's own callback.
        public var redirectURI: String?
        public init(redirectURI: String? = nil) {
            self.redirectURI = redirectURI
        }
        public struct Reply: Codable, Sendable, Hashable {
            public var authorizationURL: String
            public var state: String
        }
    }

    /// Finishes an OIDC login with the provider's code.
    public struct OIDCFinish: Request {
        public static let topic: Topic = "manager.oidc-finish"
        public typealias Reply = IssuedToken
        public var code: String
        public var state: String
        public var source: String
        public init(code: String, state: String, source: String) {
            self.code = code
            self.state = state
            self.source = source
        }
    }
}
