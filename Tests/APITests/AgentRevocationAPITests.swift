import API
import Auth
import Contracts
import Foundation
import Kernel
import KernelTesting
import Testing

/// `POST /v1/agents/{node}/revoke` on the manager, and a gateway in verify mode that learns of
/// the revocation over its link (`auth.agent-revocations`, `.nearest`) and refuses the agent.
@Suite struct AgentRevocationAPITests {
    static func gateway(jwks: String) -> String {
        """
        role: gateway
        plugins:
          - use: auth
            with: {mode: verify, jwks: "\(jwks)", agentRevocationRefreshSeconds: 1}
        """
    }

    @Test func aRevokedAgentIsRefusedByAGatewayThatFetchedTheListOverItsLink() async throws {
        let port = FreePort.find()
        let key = AgentIdentityKey()
        try await TestNode.run(Self.gateway(jwks: "http://127.0.0.1:\(port)/.well-known/jwks.json"), plugins: [AuthPlugin.self], node: "gw-eu1") { gateway in
            try await APIFixture.run(port: port) { api, manager in
                let root = try await api.login("root", APIFixture.password("root"))
                let issued = try await api.post("/v1/agents/enrolment-tokens", token: root, json: #"{"node": "agent-7", "gateway": "gw-eu1"}"#)
                let token = try #require((issued.json["token"] as? [String: Any])?["token"] as? String, "\(issued.status)")
                let redeem = Contracts.Auth.RedeemEnrolment(
                    token: token, node: "agent-7", gateway: "gw-eu1", publicKey: key.publicKey, source: "127.0.0.2")

                // No link to the manager yet: the gateway has no revocation list.
                let credential = try await manager.bus.ask(redeem).credential
                let unlinked = await #expect(throws: BusError.self) { try await gateway.bus.ask(try Self.verify(credential, key: key)) }
                guard case .remote(let code, let message) = unlinked else { Issue.record("admitted without a revocation list"); return }
                #expect(code == "unavailable" && message.contains("revocation list cannot be fetched"), "\(message)")

                try await LinkPair.connect(gateway.bus, manager.bus) {
                    #expect(try await gateway.bus.ask(try Self.verify(credential, key: key)).node == "agent-7")

                    let ann = try await api.login("ann", APIFixture.password("ann"))
                    #expect(try await api.post("/v1/agents/agent-7/revoke", token: ann).status == 403)
                    #expect(try await api.post("/v1/agents/agent%207/revoke", token: root).status == 400)
                    #expect(try await api.post("/v1/agents/agent-7/revoke").status == 401)
                    let revoked = try await api.post("/v1/agents/agent-7/revoke", token: root)
                    #expect(revoked.status == 200)
                    #expect(revoked.json["node"] as? String == "agent-7")
                    #expect((revoked.json["revokedAt"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil)

                    // The gateway refreshes its list within a second or two.
                    var refusal = ""
                    for _ in 0..<50 where refusal.isEmpty {
                        do {
                            _ = try await gateway.bus.ask(try Self.verify(credential, key: key))
                            try await Task.sleep(for: .milliseconds(100))
                        } catch BusError.remote(let code, let message) where code == "unauthenticated" {
                            refusal = message
                        }
                    }
                    #expect(refusal.hasPrefix("agent credential refused: revoked at "), "\(refusal)")
                }
            }
        }
    }

    static func verify(_ credential: String, key: AgentIdentityKey) throws -> Contracts.Auth.VerifyAgentCredential {
        let timestamp = Int64(Date().timeIntervalSince1970)
        return Contracts.Auth.VerifyAgentCredential(
            credential: credential, node: "agent-7", gateway: "gw-eu1", timestamp: timestamp,
            proof: try key.proof(node: "agent-7", gateway: "gw-eu1", timestamp: timestamp))
    }
}
