import Kernel

extension Manager {
    /// Gives a server to a tenant, or takes it away (`tenant` nil: unassigned). Superadmins
    /// only; every attempt is audited (`server.assign` / `server.unassign`, old -> new tenant).
    public struct AssignServer: Request {
        public static let topic: Topic = "manager.assign-server"
        public var loginToken: String
        public var server: String
        /// The new owner; nil leaves the server unassigned (only superadmins see it then).
        public var tenant: String?
        public var source: String

        public init(loginToken: String, server: String, tenant: String?, source: String) {
            self.loginToken = loginToken
            self.server = server
            self.tenant = tenant
            self.source = source
        }

        public struct Reply: Codable, Sendable, Hashable {
            public var server: String
            /// The owner now (nil: unassigned).
            public var tenant: String?
            /// The owner before this change (nil: it was unassigned).
            public var previousTenant: String?

            public init(server: String, tenant: String?, previousTenant: String?) {
                self.server = server
                self.tenant = tenant
                self.previousTenant = previousTenant
            }
        }
    }
}
