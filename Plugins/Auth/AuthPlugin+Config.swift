import Kernel
import Storage

extension AuthPlugin {
    /// The `auth` entry's `with:` block.
    public struct Config: PluginConfig {
        /// `issue` (the manager: logins, tokens, JWKS, and `auth.verify`) or `verify` (a
        /// gateway: only `auth.verify`, offline, with the manager's JWKS from `jwks`).
        public var mode = Mode.issue
        /// `verify` mode: the manager's JWKS URL (`https://manager.example:8443/.well-known/jwks.json`).
        public var jwks = ""
        /// `verify` mode: PEM file of the CA(s) that sign the manager's HTTPS certificate
        /// (relative to the manifest); empty: the system's trust store.
        public var jwksTrustRoots = ""
        /// The audience `auth.verify` requires of session tokens; empty: this node's ID.
        public var verifyAudience = ""
        /// `sqlite:PATH` (relative to the manifest; created on first run) or
        /// `postgres://user:password@host:port/database?sslmode=disable|require`.
        public var storage = "sqlite:tether-manager.db"
        /// The `iss` of every token; gateways check it.
        public var issuer = "tether-manager"
        /// The audience of login tokens (the manager itself).
        public var audience = "tether-manager"
        public var loginLifetimeSeconds = 900
        /// Refreshing never extends a login beyond this age; then the user logs in again.
        public var maximumLoginAgeSeconds = 43_200
        public var sessionLifetimeSeconds = 300
        /// Lifetime of an agent enrolment token when the request names none.
        public var enrolmentLifetimeSeconds = 86_400
        /// The longest enrolment token the manager signs (`ttlSeconds` above it is refused).
        /// A retired signing key stays published this long, so its enrolment tokens keep working.
        public var maximumEnrolmentLifetimeSeconds = 86_400
        /// Lifetime of the credential an agent gets for its enrolment token; the agent enrols
        /// again after it. A retired signing key stays published this long.
        public var agentCredentialLifetimeSeconds = 31_536_000
        /// `verify` mode: how often the manager's agent revocation list is fetched (over the
        /// link, `auth.agent-revocations`); an older list is refreshed before it is used.
        public var agentRevocationRefreshSeconds = 30
        /// A new signing key this often; the old one keeps verifying until its tokens expire.
        public var keyRotationSeconds = 604_800
        /// scrypt cost (log2 N); 15 in production, 10 is the floor (tests).
        public var passwordCost = 15
        public var rateLimit = RateLimit()
        public var oidc = OIDC()
        public var bootstrap = Bootstrap()
        /// `issue` mode: append every audit record as one JSON line to this file (relative to
        /// the manifest; created 0600); empty: no export.
        public var auditLogFile = ""
        /// The export file is rotated (`FILE.1`, ...) before it would pass this size.
        public var auditLogMaxBytes = 104_857_600
        /// Rotated files kept.
        public var auditLogKeepFiles = 5
        /// How often the audit table is read for new records to export.
        public var auditLogPollMilliseconds = 500

        public init() {}
    }

    /// What an `auth` instance does.
    public enum Mode: String, Codable, Sendable, Hashable {
        case issue, verify
    }

    /// Login attempt limits.
    public struct RateLimit: Codable, Sendable, Hashable {
        public var failuresPerAccount = 5
        public var accountWindowSeconds = 900
        public var attemptsPerSource = 30
        public var sourceWindowSeconds = 60
        public init() {}
    }

    /// OIDC login; off while `issuer` is empty.
    public struct OIDC: Codable, Sendable, Hashable {
        /// The provider's issuer URL; its discovery document is `ISSUER/.well-known/openid-configuration`.
        public var issuer = ""
        public var clientID = ""
        /// `${ENV}` or `file:PATH`; empty for a public client.
        public var clientSecret = ""
        /// The manager's browser callback, e.g. `https://manager.example:8443/v1/oidc/callback`.
        public var redirectURI = ""
        public var scopes = ["openid", "profile", "email"]
        /// The ID token claim holding the user's groups.
        public var groupsClaim = "groups"
        /// Which group gives which role in which tenant.
        public var groupRoles: [GroupRole] = []
        /// Members of these groups become superadmins.
        public var superadminGroups: [String] = []
        /// Let a CLI use a loopback redirect (`http://127.0.0.1:PORT/...`, RFC 8252).
        public var allowLoopbackRedirect = true
        /// How long a started login may take.
        public var loginTimeoutSeconds = 600
        public init() {}
    }

    /// One `groupRoles` entry.
    public struct GroupRole: Codable, Sendable, Hashable {
        public var group: String
        public var tenant: String
        public var role: TenantRole
        public init(group: String, tenant: String, role: TenantRole) {
            self.group = group
            self.tenant = tenant
            self.role = role
        }
    }

    /// Tenants, users and servers created at start if missing (idempotent).
    public struct Bootstrap: Codable, Sendable, Hashable {
        public var tenants: [BootstrapTenant] = []
        public var users: [BootstrapUser] = []
        public var servers: [BootstrapServer] = []
        public init() {}
    }

    public struct BootstrapTenant: Codable, Sendable, Hashable {
        public var id: String
        public var name: String?
    }

    public struct BootstrapUser: Codable, Sendable, Hashable {
        public var name: String
        /// `${ENV}` or `file:PATH`, never inline; hashed before it is stored.
        public var password: String?
        /// A file holding the password, read when the plugin starts (not by `tether check`,
        /// so a manifest may name a file that a setup script writes later). Relative to the
        /// manifest's folder. Not together with `password`.
        public var passwordFile: String?
        public var superadmin: Bool?
        public var memberships: [BootstrapMembership]?
    }

    public struct BootstrapMembership: Codable, Sendable, Hashable {
        public var tenant: String
        public var role: TenantRole
    }

    public struct BootstrapServer: Codable, Sendable, Hashable {
        public var id: String
        public var tenant: String?
        public var gateway: String?
        public var capabilities: [String]?
    }
}
