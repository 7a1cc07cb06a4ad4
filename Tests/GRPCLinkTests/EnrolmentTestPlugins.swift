import Contracts
import Crypto
import Foundation
import Kernel
import KernelTesting
import Synchronization

/// Stands in for `auth` (and the manager) on a gateway. Tokens are JWT-shaped with a JSON
/// payload and no real signature (``token(sub:aud:jti:)``): an enrolment token is valid for
/// its `sub` at its `aud`; `sub: lie` is "verified" for another node (a faulty verifier the
/// link must not trust); `sub: down` finds the keys unavailable. Redemption is once per
/// `jti`; the credential it issues carries the agent's public key, and a proof is checked
/// against it with swift-crypto; nodes in ``revoked`` are refused (and reported as revoked to
/// the listener's revocation watch).
struct StubEnrolmentAuthPlugin: Plugin {
    static let id: PluginID = "auth"
    /// Nodes whose credentials are revoked.
    static let revoked = Mutex<Set<String>>([])
    /// Redeemed enrolment token IDs, with the node that redeemed each.
    static let redeemed = Mutex<[String: String]>([:])

    struct Refused: CodedError {
        let code: String
        let message: String
    }

    private struct Claims: Codable {
        var sub: String
        var aud: String?
        var jti: String
        var typ: String
        var key: String?
    }

    /// A JWT-shaped token with these claims.
    static func token(sub: String, aud: String? = nil, jti: String, typ: String = "enrol", key: String? = nil) -> String {
        let payload = (try? JSONEncoder().encode(Claims(sub: sub, aud: aud, jti: jti, typ: typ, key: key))) ?? Data()
        return "e30.\(Base64URL.encode(payload)).c2ln"
    }

    private static func claims(_ token: String) throws -> Claims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Base64URL.decode(parts[1]), let claims = try? JSONDecoder().decode(Claims.self, from: data) else {
            throw Refused(code: "unauthenticated", message: "token refused: malformed token")
        }
        return claims
    }

    init(config: NoConfig, context: PluginContext) throws {}

    func routes(_ routes: inout Routes) {
        routes.answer(Auth.VerifyEnrolment.self) { request, _ in
            let claims = try Self.claims(request.token)
            guard claims.typ == "enrol" else { throw Refused(code: "unauthenticated", message: "enrolment token refused: not an enrolment token (a \(claims.typ) token)") }
            switch claims.sub {
            case "lie":
                return Auth.Enrolment(node: "someone-else", gateway: request.gateway, expiresAt: 4_000_000_000, tokenID: claims.jti)
            case "down":
                throw Refused(code: "unavailable", message: "the manager's keys cannot be fetched: connection refused")
            case request.node where claims.aud == request.gateway:
                return Auth.Enrolment(node: request.node, gateway: request.gateway, expiresAt: 4_000_000_000, tokenID: claims.jti)
            case request.node:
                throw Refused(code: "unauthenticated", message: "enrolment token refused: wrong audience: meant for gateway \(claims.aud ?? "?")")
            default:
                throw Refused(code: "unauthenticated", message: "enrolment token refused: wrong node: issued for node \(claims.sub)")
            }
        }
        routes.answer(Auth.RedeemEnrolment.self) { request, _ in
            let claims = try Self.claims(request.token)
            guard let raw = Base64URL.decode(request.publicKey), (try? P256.Signing.PublicKey(rawRepresentation: raw)) != nil else {
                throw Refused(code: "bad-request", message: "the public key is not a P-256 key")
            }
            let earlier: String? = Self.redeemed.withLock { redeemed in
                if let node = redeemed[claims.jti] { return node }
                redeemed[claims.jti] = request.node
                return nil
            }
            if let earlier {
                throw Refused(code: "unauthenticated", message: "enrolment token already used: redeemed by node \(earlier)")
            }
            let credentialID = "cred-\(request.node)-\(claims.jti)"
            return Auth.AgentCredential(
                credential: Self.token(sub: request.node, jti: credentialID, typ: "agent", key: request.publicKey), credentialID: credentialID,
                node: request.node, expiresAt: 4_000_000_000)
        }
        routes.answer(Auth.KnownAgentRevocations.self) { _, _ in
            Dictionary(uniqueKeysWithValues: Self.revoked.withLock { $0 }.map { ($0, Int64.max) })
        }
        routes.answer(Auth.VerifyAgentCredential.self) { request, _ in
            let claims = try Self.claims(request.credential)
            guard claims.typ == "agent" else { throw Refused(code: "unauthenticated", message: "agent credential refused: not an agent credential") }
            guard claims.sub == request.node else {
                throw Refused(code: "unauthenticated", message: "agent credential refused: wrong node: issued for node \(claims.sub)")
            }
            guard !Self.revoked.withLock({ $0.contains(claims.sub) }) else {
                throw Refused(code: "unauthenticated", message: "agent credential refused: revoked; enrol again")
            }
            guard let keyData = Base64URL.decode(claims.key ?? ""), let key = try? P256.Signing.PublicKey(rawRepresentation: keyData),
                let signatureData = Base64URL.decode(request.proof),
                let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureData),
                key.isValidSignature(signature, for: Auth.AgentProof.message(node: request.node, gateway: request.gateway, timestamp: request.timestamp))
            else { throw Refused(code: "unauthenticated", message: "agent credential refused: bad proof") }
            return Auth.AgentIdentity(node: claims.sub, credentialID: claims.jti, expiresAt: 4_000_000_000)
        }
    }

}

/// Stands in for `routing`'s audit relay: keeps what this node's plugins record in ``inbox``.
struct AuditRelayPlugin: Plugin {
    static let id: PluginID = "routing"
    /// Every node's records.
    static let inbox = NodeInbox<AuditTrail.Event>()
    let node: NodeID

    init(config: NoConfig, context: PluginContext) throws {
        node = context.node
    }

    func routes(_ routes: inout Routes) {
        let node = node
        routes.handle(AuditTrail.Record.self) { record, _ in Self.inbox.append(record.event, on: node) }
    }
}
