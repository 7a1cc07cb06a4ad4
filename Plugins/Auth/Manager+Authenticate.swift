import Kernel
import Storage

extension Manager {
    /// Who holds a login token, with the roles the store gives it now, for other manager
    /// plugins (`inventory`) that decide for themselves what the caller may see. A refused
    /// token is audited under `action`.
    public struct Authenticate: Request {
        public static let topic: Topic = "manager.authenticate"
        public var loginToken: String
        /// What the caller is about to do (`gateways.list`), for the audit record of a refusal.
        public var action: String
        public var source: String

        public init(loginToken: String, action: String, source: String) {
            self.loginToken = loginToken
            self.action = action
            self.source = source
        }

        public struct Reply: Codable, Sendable, Hashable {
            public var userID: String
            public var name: String
            public var superadmin: Bool
            /// The role in each tenant the user belongs to.
            public var roles: [String: TenantRole]

            public init(userID: String, name: String, superadmin: Bool, roles: [String: TenantRole]) {
                self.userID = userID
                self.name = name
                self.superadmin = superadmin
                self.roles = roles
            }
        }
    }
}
