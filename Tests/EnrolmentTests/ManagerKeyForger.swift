import Auth
import Foundation
import Logging
import Storage

/// Signs enrolment tokens with the running manager's own signing key, read from its SQLite
/// store, to make what the manager would never issue (a token that has already expired).
enum ManagerKeyForger {
    struct NoKey: Error {}

    static func expiredEnrolmentToken(database: String, node: String, gateway: String) async throws -> String {
        let store = try await SQLStore.open(.sqlite(path: database), logger: Logger(label: "enrolment-tests"))
        let stored = try await store.signingKeys()
        await store.close()
        let keys = try stored.map { try SigningKey(stored: $0) }
        guard let key = SigningKeyRing(keys: keys).signingKey else { throw NoKey() }
        let now = Int64(Date().timeIntervalSince1970)
        // Expired two minutes ago: beyond the verifier's 30 s of clock skew.
        let claims = EnrolmentClaims(iss: "tether-manager", sub: node, aud: gateway, exp: now - 120, iat: now - 3_720, jti: UUID().uuidString)
        return try await TokenSigner(key: key).sign(claims)
    }

    /// A well-formed enrolment token for `node` at `gateway`, signed by a key the manager never had.
    static func foreignEnrolmentToken(node: String, gateway: String) async throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        let claims = EnrolmentClaims(iss: "tether-manager", sub: node, aud: gateway, exp: now + 3_600, iat: now, jti: UUID().uuidString)
        return try await TokenSigner(key: SigningKey.generate(now: Date())).sign(claims)
    }
}
