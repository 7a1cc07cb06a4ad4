import Foundation

extension SQLStore {
    public func recordEnrolmentRedemption(_ redemption: EnrolmentRedemption) async throws(StoreError) {
        try StoreValidation.name(redemption.tokenID, "enrolment token id")
        try StoreValidation.name(redemption.node, "node")
        try StoreValidation.name(redemption.gateway, "gateway")
        try StoreValidation.name(redemption.credentialID, "credential id")
        do throws(StoreError) {
            try await database.query(
                "INSERT INTO enrolment_redemptions (token_id, node, gateway, credential_id, redeemed_at) VALUES ($1, $2, $3, $4, $5)",
                [.text(redemption.tokenID), .text(redemption.node), .text(redemption.gateway), .text(redemption.credentialID),
                 .integer(redemption.redeemedAt.millisecondsSince1970)])
        } catch .conflict {
            throw .conflict("a redemption of enrolment token \(redemption.tokenID)")
        }
    }

    public func enrolmentRedemption(tokenID: String) async throws(StoreError) -> EnrolmentRedemption? {
        try await database.query(
            "SELECT token_id, node, gateway, credential_id, redeemed_at FROM enrolment_redemptions WHERE token_id = $1", [.text(tokenID)]
        ).first.map { row throws(StoreError) in
            EnrolmentRedemption(
                tokenID: try row.text("token_id"), node: try row.text("node"), gateway: try row.text("gateway"),
                credentialID: try row.text("credential_id"), redeemedAt: Date(millisecondsSince1970: try row.integer("redeemed_at")))
        }
    }

    public func recordAgentRevocation(_ revocation: AgentRevocation) async throws(StoreError) {
        try StoreValidation.name(revocation.node, "node")
        try await database.query(
            """
            INSERT INTO agent_revocations (node, revoked_at) VALUES ($1, $2)
            ON CONFLICT (node) DO UPDATE SET revoked_at = excluded.revoked_at
            """,
            [.text(revocation.node), .integer(revocation.revokedAt.millisecondsSince1970)])
    }

    public func agentRevocations() async throws(StoreError) -> [AgentRevocation] {
        try await database.query("SELECT node, revoked_at FROM agent_revocations ORDER BY node").map { row throws(StoreError) in
            AgentRevocation(node: try row.text("node"), revokedAt: Date(millisecondsSince1970: try row.integer("revoked_at")))
        }
    }
}
