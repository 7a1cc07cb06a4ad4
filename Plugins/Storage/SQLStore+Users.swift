import Foundation

extension SQLStore {
    static let userColumns = "id, name, password_hash, superadmin, origin"

    public func createUser(_ user: User) async throws(StoreError) {
        try await Self.insert(user, on: database)
    }

    public func user(id: String) async throws(StoreError) -> User? {
        try await database.query("SELECT \(Self.userColumns) FROM users WHERE id = $1", [.text(id)]).first.map(Self.user)
    }

    public func user(named name: String) async throws(StoreError) -> User? {
        try await database.query("SELECT \(Self.userColumns) FROM users WHERE name = $1", [.text(name)]).first.map(Self.user)
    }

    public func setPasswordHash(_ hash: String?, userID: String) async throws(StoreError) {
        try await requireUser(userID)
        try await database.query("UPDATE users SET password_hash = $1 WHERE id = $2", [.optionalText(hash), .text(userID)])
    }

    public func setSuperadmin(_ superadmin: Bool, userID: String) async throws(StoreError) {
        try await requireUser(userID)
        try await database.query("UPDATE users SET superadmin = $1 WHERE id = $2", [.bool(superadmin), .text(userID)])
    }

    public func setMembership(_ membership: Membership) async throws(StoreError) {
        try await Self.upsert(membership, on: database)
    }

    public func removeMembership(userID: String, tenantID: String) async throws(StoreError) {
        try await database.query("DELETE FROM memberships WHERE user_id = $1 AND tenant_id = $2", [.text(userID), .text(tenantID)])
    }

    public func memberships(userID: String) async throws(StoreError) -> [Membership] {
        try await database.query(
            "SELECT user_id, tenant_id, role FROM memberships WHERE user_id = $1 ORDER BY tenant_id", [.text(userID)]
        ).map(Self.membership)
    }

    public func user(issuer: String, subject: String) async throws(StoreError) -> User? {
        try await Self.user(issuer: issuer, subject: subject, on: database)
    }

    public func provisionExternalUser(
        issuer: String, subject: String, proposed: User, memberships: [Membership]
    ) async throws(StoreError) -> User {
        try StoreValidation.name(issuer, "issuer")
        try StoreValidation.name(subject, "subject")
        return try await database.transaction { (sql: any SQLExecutor) async throws(StoreError) -> User in
            var user = proposed
            if let existing = try await Self.user(issuer: issuer, subject: subject, on: sql) {
                user = existing
            } else {
                try await Self.insert(proposed, on: sql)
                try await sql.query(
                    "INSERT INTO external_identities (issuer, subject, user_id) VALUES ($1, $2, $3)",
                    [.text(issuer), .text(subject), .text(proposed.id)])
            }
            try await sql.query("DELETE FROM memberships WHERE user_id = $1", [.text(user.id)])
            for membership in memberships {
                try await Self.upsert(Membership(userID: user.id, tenantID: membership.tenantID, role: membership.role), on: sql)
            }
            return user
        }
    }

    private func requireUser(_ id: String) async throws(StoreError) {
        guard try await user(id: id) != nil else { throw .notFound("user \(id)") }
    }

    private static func insert(_ user: User, on sql: any SQLExecutor) async throws(StoreError) {
        try StoreValidation.name(user.id, "user id")
        try StoreValidation.name(user.name, "user name")
        let taken = try await sql.query("SELECT id FROM users WHERE id = $1 OR name = $2", [.text(user.id), .text(user.name)])
        guard taken.isEmpty else { throw .conflict("user \(user.name)") }
        try await sql.query(
            "INSERT INTO users (id, name, password_hash, superadmin, origin, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            [.text(user.id), .text(user.name), .optionalText(user.passwordHash), .bool(user.superadmin),
             .text(user.origin.rawValue), .integer(Date().millisecondsSince1970)])
    }

    private static func upsert(_ membership: Membership, on sql: any SQLExecutor) async throws(StoreError) {
        try await sql.query(
            """
            INSERT INTO memberships (user_id, tenant_id, role) VALUES ($1, $2, $3)
            ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = excluded.role
            """,
            [.text(membership.userID), .text(membership.tenantID), .text(membership.role.rawValue)])
    }

    private static func user(issuer: String, subject: String, on sql: any SQLExecutor) async throws(StoreError) -> User? {
        try await sql.query(
            """
            SELECT u.id, u.name, u.password_hash, u.superadmin, u.origin FROM users u
            JOIN external_identities e ON e.user_id = u.id WHERE e.issuer = $1 AND e.subject = $2
            """,
            [.text(issuer), .text(subject)]
        ).first.map(Self.user)
    }

    static func user(_ row: SQLRow) throws(StoreError) -> User {
        guard let origin = User.Origin(rawValue: try row.text("origin")) else { throw .corrupt("users.origin") }
        return User(
            id: try row.text("id"), name: try row.text("name"), passwordHash: try row.optionalText("password_hash"),
            superadmin: try row.bool("superadmin"), origin: origin)
    }

    static func membership(_ row: SQLRow) throws(StoreError) -> Membership {
        guard let role = TenantRole(rawValue: try row.text("role")) else { throw .corrupt("memberships.role") }
        return Membership(userID: try row.text("user_id"), tenantID: try row.text("tenant_id"), role: role)
    }
}
