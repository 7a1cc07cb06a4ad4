import Foundation
import Storage
import Testing

/// Migration 4's tables on both backends: an enrolment token is redeemed once, even when
/// redemptions race; revoking a node again moves its time.
@Suite struct AgentIdentityStoreTests {
    func redemption(_ token: String = "jti-1", node: String = "agent-7", credential: String = "cred-1", at: Int64 = 1_700_000_000_123) -> EnrolmentRedemption {
        EnrolmentRedemption(tokenID: token, node: node, gateway: "gw-1", credentialID: credential, redeemedAt: Date(millisecondsSince1970: at))
    }

    @Test(arguments: Backend.allCases)
    func anEnrolmentTokenIsRedeemedOnce(_ backend: Backend) async throws {
        try await backend.withStore { store in
            #expect(try await store.enrolmentRedemption(tokenID: "jti-1") == nil)
            try await store.recordEnrolmentRedemption(redemption())
            await #expect(throws: StoreError.conflict("a redemption of enrolment token jti-1")) {
                try await store.recordEnrolmentRedemption(redemption(node: "agent-8", credential: "cred-2"))
            }
            #expect(try await store.enrolmentRedemption(tokenID: "jti-1") == redemption())
            try await store.recordEnrolmentRedemption(redemption("jti-2", credential: "cred-2"))
            await #expect(throws: StoreError.self) { try await store.recordEnrolmentRedemption(redemption("", credential: "cred-3")) }
        }
    }

    @Test(arguments: Backend.allCases)
    func ofRacingRedemptionsExactlyOneIsRecorded(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        do {
                            try await store.recordEnrolmentRedemption(redemption(credential: "cred-\(index)"))
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let stored = try #require(try await store.enrolmentRedemption(tokenID: "jti-1"))
            #expect(stored.credentialID.hasPrefix("cred-"))
        }
    }

    @Test(arguments: Backend.allCases)
    func revokingANodeAgainMovesItsTime(_ backend: Backend) async throws {
        try await backend.withStore { store in
            #expect(try await store.agentRevocations().isEmpty)
            try await store.recordAgentRevocation(AgentRevocation(node: "agent-7", revokedAt: Date(millisecondsSince1970: 1_000)))
            try await store.recordAgentRevocation(AgentRevocation(node: "agent-8", revokedAt: Date(millisecondsSince1970: 2_000)))
            try await store.recordAgentRevocation(AgentRevocation(node: "agent-7", revokedAt: Date(millisecondsSince1970: 3_000)))
            #expect(try await store.agentRevocations() == [
                AgentRevocation(node: "agent-7", revokedAt: Date(millisecondsSince1970: 3_000)),
                AgentRevocation(node: "agent-8", revokedAt: Date(millisecondsSince1970: 2_000)),
            ])
        }
    }
}
