import Contracts
import Crypto
import Foundation
import Kernel
import Storage
import Testing
@testable import Auth

/// An agent redeems its enrolment token once for its own credential, then proves possession of
/// its key at every link: each rule of `auth.redeem-enrolment` and `auth.verify-agent` tried
/// with an input that breaks it, on the manager's service with a settable clock.
@Suite struct AgentCredentialTests {
    let key = P256.Signing.PrivateKey()

    @Test func redeemsOnceAndTheCredentialVerifiesWithAProof() async throws {
        try await AgentIdentityHarness.run { manager in
            let token = try await manager.enrolmentToken()
            let credential = try await manager.redeem(token, key: key)
            #expect(credential.node == "agent-7")
            #expect(credential.expiresAt == manager.seconds + 31_536_000)
            let identity = try await manager.verify(credential.credential, key: key)
            #expect(identity == Contracts.Auth.AgentIdentity(node: "agent-7", credentialID: credential.credentialID, expiresAt: credential.expiresAt))
            // The credential works at any gateway, with a proof for that gateway.
            _ = try await manager.verify(credential.credential, gateway: "gw-2", key: key)

            let again = await #expect(throws: (any Error).self) { try await manager.redeem(token, key: P256.Signing.PrivateKey()) }
            #expect(ManagerFixture.code(again!) == "unauthenticated")
            let message = AgentIdentityHarness.message(again)
            #expect(message.hasPrefix("enrolment token already used: redeemed by node agent-7 at 2023-11-14T22:13:20Z"), "\(message)")
            #expect(message.hasSuffix("ask the manager for a new enrolment token"))

            let audit = try await manager.store.audit(AuditFilter(action: "agent.enrolled"))
            #expect(audit.contains {
                $0.outcome == .ok && $0.source == "127.0.0.9" && $0.detail.contains("node agent-7; gateway gw-1")
                    && $0.detail.contains(credential.credentialID)
            })
            #expect(audit.contains { $0.outcome == .denied && $0.detail.contains("already used") })
        }
    }

    @Test func ofTwoConcurrentRedemptionsExactlyOneWins() async throws {
        try await AgentIdentityHarness.run { manager in
            let token = try await manager.enrolmentToken()
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await manager.redeem(token, key: P256.Signing.PrivateKey())
                            return "ok"
                        } catch {
                            return ManagerFixture.code(error) ?? "\(error)"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "ok" }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "unauthenticated" }.count == 7, "\(outcomes)")
        }
    }

    @Test func refusesExpiredForgedAndMisdirectedEnrolmentTokens() async throws {
        try await AgentIdentityHarness.run { manager in
            let expiring = try await manager.enrolmentToken(lifetime: 300)
            let genuine = try await manager.enrolmentToken()
            let stranger = SigningKey.generate(now: manager.now)
            let forgedClaims = EnrolmentClaims(
                iss: "tether-manager", sub: "agent-7", aud: "gw-1", exp: manager.seconds + 600, iat: manager.seconds, jti: "forged")
            let forged = try await TokenSigner(key: stranger).sign(forgedClaims)
            let parts = genuine.split(separator: ".").map(String.init)
            var widened = forgedClaims
            widened.sub = "agent-8"
            let tampered = [parts[0], Base64URL.encode(try JSONEncoder().encode(widened)), parts[2]].joined(separator: ".")
            manager.advance(400)
            let cases: [(String, String, String, String)] = [
                (expiring, "agent-7", "gw-1", "enrolment token refused: expired"),
                (forged, "agent-7", "gw-1", "enrolment token refused: bad signature"),
                (tampered, "agent-8", "gw-1", "enrolment token refused: bad signature"),
                (genuine, "agent-8", "gw-1", "enrolment token refused: wrong node: issued for node agent-7"),
                (genuine, "agent-7", "gw-2", "enrolment token refused: wrong audience: meant for gateway gw-1"),
            ]
            for (token, node, gateway, reason) in cases {
                let error = await #expect(throws: (any Error).self) { try await manager.redeem(token, node: node, gateway: gateway, key: key) }
                #expect(ManagerFixture.code(error!) == "unauthenticated")
                #expect(AgentIdentityHarness.message(error).hasPrefix(reason), "\(AgentIdentityHarness.message(error))")
            }
            // None of the refusals used the genuine token up.
            _ = try await manager.redeem(genuine, key: key)
            let denied = try await manager.store.audit(AuditFilter(action: "agent.enrolled")).filter { $0.outcome == .denied }
            #expect(denied.count == cases.count)
        }
    }

    @Test func refusesAMalformedPublicKeyWithoutUsingTheTokenUp() async throws {
        try await AgentIdentityHarness.run { manager in
            let token = try await manager.enrolmentToken()
            let raw = key.publicKey.rawRepresentation
            for bad in ["not base64url!", Base64URL.encode(raw.prefix(63)), Base64URL.encode(raw + [0]), Base64URL.encode([UInt8](repeating: 0xFF, count: 64)),
                        Base64URL.encode(key.publicKey.x963Representation)] {
                let error = await #expect(throws: AuthError.self) { try await manager.redeem(token, key: key, publicKey: bad) }
                #expect(error?.code == "bad-request", "\(bad)")
                #expect(error?.message.contains("publicKey") == true)
            }
            _ = try await manager.redeem(token, key: key)
        }
    }

    @Test func refusesProofsByAnotherKeyForAnotherGatewayOrTooOld() async throws {
        try await AgentIdentityHarness.run { manager in
            let credential = try await manager.redeem(try await manager.enrolmentToken(), key: key).credential
            let thief = P256.Signing.PrivateKey()
            let cases: [(String, () async throws -> Contracts.Auth.AgentIdentity)] = [
                ("agent credential refused: bad proof", { try await manager.verify(credential, key: thief) }),
                ("agent credential refused: bad proof", { try await manager.verify(credential, gateway: "gw-1", key: key, proofGateway: "gw-2") }),
                ("agent credential refused: stale proof (clock skew 600 s)", { try await manager.verify(credential, key: key, timestamp: manager.seconds - 600) }),
                ("agent credential refused: stale proof (clock skew -600 s)", { try await manager.verify(credential, key: key, timestamp: manager.seconds + 600) }),
                ("agent credential refused: stale proof", { try await manager.verify(credential, key: key, timestamp: .min) }),
            ]
            for (reason, attempt) in cases {
                let error = await #expect(throws: Unauthenticated.self) { try await attempt() }
                #expect(error?.message.hasPrefix(reason) == true, "\(error?.message ?? "")")
            }
            // A garbage proof is a bad proof, not a crash.
            let garbage = Contracts.Auth.VerifyAgentCredential(credential: credential, node: "agent-7", gateway: "gw-1", timestamp: manager.seconds, proof: "%%")
            let service = manager.service
            let refused = await #expect(throws: Unauthenticated.self) {
                try await AgentCredentialVerification.verify(garbage, with: service.verifier, revocations: { [:] }, now: manager.now)
            }
            #expect(refused?.message == "agent credential refused: bad proof")
            // Within the skew it passes.
            _ = try await manager.verify(credential, key: key, timestamp: manager.seconds - 299)
        }
    }

    @Test func refusesAnotherNodesExpiredOrTamperedCredential() async throws {
        try await AgentIdentityHarness.run { manager in
            let credential = try await manager.redeem(try await manager.enrolmentToken(), key: key).credential
            let other = await #expect(throws: Unauthenticated.self) { try await manager.verify(credential, node: "agent-8", key: key) }
            #expect(other?.message == "agent credential refused: wrong node: issued for node agent-7")

            let parts = credential.split(separator: ".").map(String.init)
            let payloadBytes = try #require(Base64URL.decode(parts[1]))
            var payload = try #require(try JSONSerialization.jsonObject(with: payloadBytes) as? [String: Any])
            payload["sub"] = "agent-8"
            let tampered = [parts[0], Base64URL.encode(try JSONSerialization.data(withJSONObject: payload)), parts[2]].joined(separator: ".")
            let forged = await #expect(throws: Unauthenticated.self) { try await manager.verify(tampered, node: "agent-8", key: key) }
            #expect(forged?.message.hasPrefix("agent credential refused: bad signature") == true)

            manager.advance(31_536_000 + 31)
            let expired = await #expect(throws: Unauthenticated.self) { try await manager.verify(credential, key: key) }
            #expect(expired?.message.hasPrefix("agent credential refused: expired") == true)
        }
    }

    @Test func noOtherTokenKindPassesAsAnAgentCredentialNorTheReverse() async throws {
        try await AgentIdentityHarness.run { manager in
            let signer = try await manager.signer()
            let s = manager.seconds
            let login = try await signer.sign(LoginClaims(iss: "tether-manager", sub: "agent-7", aud: "tether-manager", exp: s + 900, iat: s, jti: "l", name: "a", authTime: s))
            let session = try await signer.sign(
                SessionClaims(iss: "tether-manager", sub: "agent-7", aud: "gw-1", exp: s + 300, iat: s, jti: "s", tenant: "acme", server: "web-01", actions: [.view]))
            let enrolment = try await manager.enrolmentToken()
            for (token, kind) in [(login, "login"), (session, "session"), (enrolment, "enrol")] {
                let error = await #expect(throws: Unauthenticated.self) { try await manager.verify(token, key: key) }
                #expect(error?.message == "agent credential refused: not an agent credential (a \(kind) token)")
            }
            // A payload that claims typ agent but lacks the key is no credential either.
            let keyless = try await signer.sign(
                EnrolmentClaims(iss: "tether-manager", sub: "agent-7", aud: "gw-1", exp: s + 300, iat: s, jti: "k").retyped(.agent))
            let error = await #expect(throws: Unauthenticated.self) { try await manager.verify(keyless, key: key) }
            #expect(error?.message == "agent credential refused: not an agent credential (a agent token)")

            let credential = try await manager.redeem(enrolment, key: key).credential
            let verifier = manager.service.verifier
            await #expect(throws: TokenRejection.wrongType("agent")) { try await verifier.verifyLogin(credential, audience: "tether-manager") }
            await #expect(throws: TokenRejection.wrongType("agent")) { try await verifier.verifySession(credential, audience: "gw-1") }
            await #expect(throws: TokenRejection.wrongType("agent")) { try await verifier.verifyEnrolment(credential, node: "agent-7", audience: "gw-1") }
            // Nor can the credential be redeemed as if it were an enrolment token.
            let redeemed = await #expect(throws: Unauthenticated.self) { try await manager.redeem(credential, key: key) }
            #expect(redeemed?.message == "enrolment token refused: not an enrolment token (a agent token)")
        }
    }

    @Test func anAgentIdentityKeyRedeemsAndProvesAfterAStoreAndLoad() async throws {
        try await AgentIdentityHarness.run { manager in
            let agent = AgentIdentityKey()
            let reloaded = try AgentIdentityKey(rawRepresentation: agent.rawRepresentation)
            #expect(reloaded.publicKey == agent.publicKey)
            #expect(throws: AgentIdentityKey.Failure.self) { try AgentIdentityKey(rawRepresentation: Data([1, 2, 3])) }
            let token = try await manager.enrolmentToken()
            let credential = try await manager.service.redeemEnrolment(
                Contracts.Auth.RedeemEnrolment(token: token, node: "agent-7", gateway: "gw-1", publicKey: agent.publicKey, source: "t"))
            let request = Contracts.Auth.VerifyAgentCredential(
                credential: credential.credential, node: "agent-7", gateway: "gw-2", timestamp: manager.seconds,
                proof: try reloaded.proof(node: "agent-7", gateway: "gw-2", timestamp: manager.seconds))
            let service = manager.service
            let identity = try await AgentCredentialVerification.verify(request, with: service.verifier, revocations: { [:] }, now: manager.now)
            #expect(identity.credentialID == credential.credentialID)
        }
    }

    @Test func aRevokedNodeIsRefusedUntilItEnrolsAgain() async throws {
        try await AgentIdentityHarness.run { manager in
            let first = try await manager.redeem(try await manager.enrolmentToken(), key: key).credential
            let spare = try await manager.enrolmentToken()
            manager.advance(10)
            try await manager.store.recordAgentRevocation(AgentRevocation(node: "agent-7", revokedAt: manager.now))
            // An enrolment token issued before the revocation is void too.
            let voided = await #expect(throws: Unauthenticated.self) { try await manager.redeem(spare, key: key) }
            #expect(voided?.message == "enrolment token refused: issued before node agent-7 was revoked at 2023-11-14T22:13:30Z; ask the manager for a new enrolment token")
            let error = await #expect(throws: Unauthenticated.self) { try await manager.verify(first, key: key) }
            #expect(error?.message == "agent credential refused: revoked at 2023-11-14T22:13:30Z; enrol again with a new enrolment token")
            // Enrolling again in the same second as the revocation still gives a valid credential.
            let second = try await manager.redeem(try await manager.enrolmentToken(), key: key)
            #expect(try await manager.verify(second.credential, key: key).credentialID == second.credentialID)
            await #expect(throws: Unauthenticated.self) { try await manager.verify(first, key: key) }
            // Another node is not affected.
            let other = try await manager.redeem(try await manager.enrolmentToken(node: "agent-8"), node: "agent-8", key: key)
            _ = try await manager.verify(other.credential, node: "agent-8", key: key)
            #expect(try await manager.service.agentRevocationTable() == ["agent-7": manager.seconds])
        }
    }
}

extension EnrolmentClaims {
    /// The same claims under another `typ` (a token the manager would never sign).
    func retyped(_ kind: TokenKind) -> EnrolmentClaims {
        var copy = self
        copy.typ = kind
        return copy
    }
}
