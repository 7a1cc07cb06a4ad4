import Contracts
import Crypto
import Foundation
import Kernel
import Logging
import Testing
@testable import Auth

/// Revoking agents through the `auth` plugin's bus topics (superadmins only, audited), and a
/// gateway's cached copy of the manager's revocation list.
@Suite struct AgentRevocationTests {
    let key = P256.Signing.PrivateKey()

    func enrol(_ bus: Bus, root: String, node: String = "agent-7") async throws -> Contracts.Auth.AgentCredential {
        let token = try await bus.ask(Manager.IssueEnrolmentToken(loginToken: root, node: node, gateway: "gw-eu1", source: "127.0.0.1")).token.token
        return try await bus.ask(
            Contracts.Auth.RedeemEnrolment(token: token, node: node, gateway: "gw-eu1", publicKey: AgentIdentityHarness.publicKey(key), source: "127.0.0.2"))
    }

    func verify(_ bus: Bus, _ credential: String, node: String = "agent-7") async throws -> Contracts.Auth.AgentIdentity {
        let timestamp = Int64(Date().timeIntervalSince1970)
        return try await bus.ask(
            Contracts.Auth.VerifyAgentCredential(
                credential: credential, node: node, gateway: "gw-eu1", timestamp: timestamp,
                proof: try AgentIdentityHarness.proof(key, node: node, gateway: "gw-eu1", timestamp: timestamp)))
    }

    @Test func superadminsRevokeAgentsOthersAreDeniedAndBothAreAudited() async throws {
        try await ManagerFixture.run { node in
            let bus = node.bus
            let root = try await ManagerFixture.login(bus, "root")
            let first = try await enrol(bus, root: root)
            #expect(try await verify(bus, first.credential).credentialID == first.credentialID)
            let ann = try await ManagerFixture.login(bus, "ann")
            await #expect(throws: BusError.remote(code: "denied", message: "denied: only superadmins may revoke agents")) {
                _ = try await bus.ask(Manager.RevokeAgent(loginToken: ann, node: "agent-7", source: "127.0.0.3"))
            }
            _ = try await verify(bus, first.credential)
            let bad = await #expect(throws: BusError.self) { try await bus.ask(Manager.RevokeAgent(loginToken: root, node: "agent 7", source: "127.0.0.3")) }
            #expect(bad.flatMap(ManagerFixture.code) == "bad-request")

            let revoked = try await bus.ask(Manager.RevokeAgent(loginToken: root, node: "agent-7", source: "127.0.0.3"))
            #expect(revoked.node == "agent-7" && abs(revoked.revokedAt.timeIntervalSinceNow) < 5)
            let refusal = await #expect(throws: BusError.self) { try await verify(bus, first.credential) }
            guard case .remote(let code, let message) = refusal else { Issue.record("no refusal"); return }
            #expect(code == "unauthenticated" && message.hasPrefix("agent credential refused: revoked at "), "\(message)")
            let list = try await bus.ask(Contracts.Auth.AgentRevocations())
            #expect(list.keys.sorted() == ["agent-7"])

            // A new enrolment token lets the agent back; the old credential stays refused.
            let second = try await enrol(bus, root: root)
            #expect(try await verify(bus, second.credential).credentialID == second.credentialID)
            await #expect(throws: BusError.self) { try await verify(bus, first.credential) }

            let audit = try await bus.ask(Manager.QueryAudit(loginToken: root, limit: 100, source: "127.0.0.1")).events
            let revocations = audit.filter { $0.action == "agent.revoked" }
            #expect(revocations.contains { $0.outcome == .ok && $0.detail.hasPrefix("node agent-7;") && $0.source == "127.0.0.3" })
            #expect(revocations.contains { $0.outcome == .denied && $0.detail.contains("not a superadmin") })
            #expect(audit.filter { $0.action == "agent.enrolled" && $0.outcome == .ok }.count == 2)
        }
    }

    @Test func aGatewaysListIsUnavailableUntilFetchedThenKeptWhenTheManagerIsGone() async throws {
        let answers = AnswerScript()
        let clock = TokenFixture()
        let list = AgentRevocationList(refreshInterval: 30, logger: Logger(label: "test.revocations"), now: { clock.now }) {
            try await answers.next()
        }
        let never = await #expect(throws: AuthError.self) { try await list.current() }
        #expect(never?.code == "unavailable")
        #expect(never?.message.contains("the manager's revocation list cannot be fetched") == true)

        await answers.set(.success(["agent-7": 100]))
        #expect(try await list.current() == ["agent-7": 100])
        // Fresh: no fetch; stale: fetched again before use.
        await answers.set(.success(["agent-7": 200]))
        #expect(try await list.current() == ["agent-7": 100])
        clock.advance(31)
        #expect(try await list.current() == ["agent-7": 200])
        // The manager is gone: the last list goes on.
        await answers.set(.failure(BusError.noRoute(topic: Contracts.Auth.AgentRevocations.topic, destination: .nearest)))
        clock.advance(31)
        #expect(try await list.current() == ["agent-7": 200])
        #expect(await answers.calls == 4)
        // ... and is not asked again on every link until the interval has passed.
        #expect(try await list.current() == ["agent-7": 200])
        #expect(await answers.calls == 4)
    }
}

/// What a stub manager answers to `auth.agent-revocations`, and how often it was asked.
actor AnswerScript {
    private var answer: Result<[String: Int64], any Error> = .failure(BusError.noRoute(topic: "auth.agent-revocations", destination: .nearest))
    private(set) var calls = 0

    func set(_ answer: Result<[String: Int64], any Error>) {
        self.answer = answer
    }

    func next() throws -> [String: Int64] {
        calls += 1
        return try answer.get()
    }
}
