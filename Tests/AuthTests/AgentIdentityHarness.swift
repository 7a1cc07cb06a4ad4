import Contracts
import Crypto
import Foundation
import Kernel
import Logging
import Storage
@testable import Auth

/// The manager's `AuthService` on a fresh SQLite file with a settable clock, and an agent's
/// side of enrolment: its key, its redemption, its proofs.
final class AgentIdentityHarness: Sendable {
    let clock: TokenFixture
    let service: AuthService
    let store: SQLStore

    private init(service: AuthService, store: SQLStore, clock: TokenFixture) {
        self.service = service
        self.store = store
        self.clock = clock
    }

    /// Runs `body` with a manager whose signing key exists, closing the store afterwards.
    static func run<T: Sendable>(_ body: (AgentIdentityHarness) async throws -> T) async throws -> T {
        var config = AuthPlugin.Config()
        config.storage = "sqlite:\(ManagerFixture.temporaryDatabase())"
        config.passwordCost = 10
        let settings = try AuthSettings(config) { $0 }
        let logger = Logger(label: "test.agent-identity")
        let store = try await SQLStore.open(settings.storage, logger: logger)
        let clock = TokenFixture()
        let service = AuthService(settings: settings, store: store, oidc: nil, logger: logger, now: { clock.now })
        do {
            try await service.keys.maintain()
            let result = try await body(AgentIdentityHarness(service: service, store: store, clock: clock))
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    var now: Date { clock.now }
    var seconds: Int64 { Int64(now.timeIntervalSince1970) }

    func advance(_ seconds: TimeInterval) {
        clock.advance(seconds)
    }

    /// The manager's current signer, to sign any claims.
    func signer() async throws -> TokenSigner {
        try await service.keys.currentSigner()
    }

    /// An enrolment token as the manager issues it.
    func enrolmentToken(node: String = "agent-7", gateway: String = "gw-1", lifetime: Int64 = 3_600) async throws -> String {
        let claims = EnrolmentClaims(iss: "tether-manager", sub: node, aud: gateway, exp: seconds + lifetime, iat: seconds, jti: UUID().uuidString)
        return try await service.keys.currentSigner().sign(claims)
    }

    func redeem(
        _ token: String, node: String = "agent-7", gateway: String = "gw-1", key: P256.Signing.PrivateKey, publicKey: String? = nil
    ) async throws -> Contracts.Auth.AgentCredential {
        try await service.redeemEnrolment(
            Contracts.Auth.RedeemEnrolment(
                token: token, node: node, gateway: gateway, publicKey: publicKey ?? Self.publicKey(key), source: "127.0.0.9"))
    }

    /// What `auth.verify-agent` answers in issue mode, at the harness's time.
    func verify(
        _ credential: String, node: String = "agent-7", gateway: String = "gw-1", key: P256.Signing.PrivateKey, timestamp: Int64? = nil,
        proofGateway: String? = nil
    ) async throws -> Contracts.Auth.AgentIdentity {
        let timestamp = timestamp ?? seconds
        let request = Contracts.Auth.VerifyAgentCredential(
            credential: credential, node: node, gateway: gateway, timestamp: timestamp,
            proof: try Self.proof(key, node: node, gateway: proofGateway ?? gateway, timestamp: timestamp))
        let service = self.service
        return try await AgentCredentialVerification.verify(
            request, with: service.verifier, revocations: { try await service.agentRevocationTable() }, now: now)
    }

    static func publicKey(_ key: P256.Signing.PrivateKey) -> String {
        Base64URL.encode(key.publicKey.rawRepresentation)
    }

    static func proof(_ key: P256.Signing.PrivateKey, node: String, gateway: String, timestamp: Int64) throws -> String {
        let message = Contracts.Auth.AgentProof.message(node: node, gateway: gateway, timestamp: timestamp)
        return Base64URL.encode(try key.signature(for: message).rawRepresentation)
    }

    /// The message of a refusal, whatever type carried it.
    static func message(_ error: (any Error)?) -> String {
        guard let error else { return "" }
        return (error as? any CodedError)?.message ?? "\(error)"
    }
}
