import Foundation

/// Everything the manager keeps: tenants, users and their roles, servers and gateways,
/// agents, token signing keys and the append-only audit log.
///
/// One implementation (``SQLStore``) runs the same SQL on SQLite and PostgreSQL. Every
/// statement binds its values as parameters.
public protocol ManagerStore: Sendable {
    /// The schema version of the database.
    func schemaVersion() async throws(StoreError) -> Int

    func createTenant(_ tenant: Tenant) async throws(StoreError)
    func tenant(id: String) async throws(StoreError) -> Tenant?
    func tenants() async throws(StoreError) -> [Tenant]

    func createUser(_ user: User) async throws(StoreError)
    func user(id: String) async throws(StoreError) -> User?
    func user(named name: String) async throws(StoreError) -> User?
    func setPasswordHash(_ hash: String?, userID: String) async throws(StoreError)
    func setSuperadmin(_ superadmin: Bool, userID: String) async throws(StoreError)

    /// Creates or changes a user's role in a tenant.
    func setMembership(_ membership: Membership) async throws(StoreError)
    func removeMembership(userID: String, tenantID: String) async throws(StoreError)
    func memberships(userID: String) async throws(StoreError) -> [Membership]

    /// The user linked to an external (OIDC) identity.
    func user(issuer: String, subject: String) async throws(StoreError) -> User?
    /// Finds or creates the user of an external identity and replaces its memberships, in one
    /// transaction. Returns the stored user.
    func provisionExternalUser(
        issuer: String, subject: String, proposed: User, memberships: [Membership]
    ) async throws(StoreError) -> User

    func upsertGateway(_ gateway: Gateway) async throws(StoreError)
    func gateways() async throws(StoreError) -> [Gateway]
    /// Records what an agent reported through its gateway; ownership is kept.
    func reportServer(id: String, gatewayID: String?, capabilities: [String]) async throws(StoreError)
    /// Gives a server to a tenant (nil: unassigned), in one transaction; returns the tenant
    /// that owned it before (nil: it was unassigned).
    @discardableResult
    func assignServer(id: String, tenantID: String?) async throws(StoreError) -> String?
    func server(id: String) async throws(StoreError) -> ManagedServer?
    /// Servers of these tenants, or every server for nil.
    func servers(tenantIDs: [String]?) async throws(StoreError) -> [ManagedServer]

    /// Records one gateway's whole report in one transaction: the gateway online until
    /// `onlineUntil`, its agents' presence, `server -> gateway` and agent (tenants kept, new
    /// servers unassigned); servers and agents it no longer lists turn offline. Returns the
    /// number of servers recorded.
    @discardableResult
    func recordGatewayReport(_ report: GatewayReport) async throws(StoreError) -> Int
    /// Ends a gateway's online time now (its link dropped).
    func markGatewayOffline(id: String, at: Date) async throws(StoreError)
    func gatewayPresence() async throws(StoreError) -> [GatewayPresence]
    func agentPresence() async throws(StoreError) -> [AgentPresence]

    func upsertAgent(_ agent: Agent) async throws(StoreError)
    func agent(node: String) async throws(StoreError) -> Agent?
    func revokeAgent(node: String) async throws(StoreError)

    /// Records the one use of an enrolment token.
    /// - Throws: `conflict` when the token was redeemed before (also by a racing redemption).
    func recordEnrolmentRedemption(_ redemption: EnrolmentRedemption) async throws(StoreError)
    func enrolmentRedemption(tokenID: String) async throws(StoreError) -> EnrolmentRedemption?
    /// Revokes a node's credentials issued until `revokedAt`; revoking again moves the time.
    func recordAgentRevocation(_ revocation: AgentRevocation) async throws(StoreError)
    func agentRevocations() async throws(StoreError) -> [AgentRevocation]

    func insertSigningKey(_ key: StoredSigningKey) async throws(StoreError)
    func retireSigningKey(kid: String, at: Date, expiresAt: Date) async throws(StoreError)
    func signingKeys() async throws(StoreError) -> [StoredSigningKey]
    /// Deletes keys whose last token expired before `date`; returns how many.
    @discardableResult
    func deleteSigningKeys(expiredBefore date: Date) async throws(StoreError) -> Int

    /// Appends a record and returns its ID.
    @discardableResult
    func appendAudit(_ event: AuditEvent) async throws(StoreError) -> Int64
    func audit(_ filter: AuditFilter) async throws(StoreError) -> [AuditEvent]
    /// Records with an ID above `id`, oldest first (for following the log).
    func audit(after id: Int64, limit: Int) async throws(StoreError) -> [AuditEvent]

    func close() async
}
