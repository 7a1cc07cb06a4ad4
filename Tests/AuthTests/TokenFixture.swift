import Contracts
import Auth
import Crypto
import Foundation
import Synchronization

/// Keys, a changeable JWKS, a settable clock and a token forger for verifier tests.
final class TokenFixture: Sendable {
    let issuer = "tether-manager"
    private let published = Mutex<JWKSDocument>(JWKSDocument(keys: []))
    private let clock: Mutex<Date>
    private let fetches = Mutex(0)

    init(now: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        clock = Mutex(now)
    }

    var now: Date { clock.withLock { $0 } }
    var fetchCount: Int { fetches.withLock { $0 } }

    func advance(_ seconds: TimeInterval) {
        clock.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    func publish(_ keys: [SigningKey]) {
        published.withLock { $0 = JWKSDocument(keys: keys.map(\.publicJWK)) }
    }

    func verifier(cacheCapacity: Int = 0, minimumRefreshSeconds: Double = 0, refreshIntervalSeconds: Double = 300) -> TokenVerifier {
        TokenVerifier(
            options: .init(issuer: issuer, cacheCapacity: cacheCapacity, minimumRefreshSeconds: minimumRefreshSeconds, refreshIntervalSeconds: refreshIntervalSeconds),
            source: ClosureJWKSSource { [self] in
                fetches.withLock { $0 += 1 }
                return published.withLock { $0 }
            },
            now: { [self] in now })
    }

    func sessionClaims(server: String = "web-01", audience: String = "gw-eu1", lifetime: Int64 = 300) -> SessionClaims {
        let iat = Int64(now.timeIntervalSince1970)
        return SessionClaims(
            iss: issuer, sub: "user-1", aud: audience, exp: iat + lifetime, iat: iat, jti: UUID().uuidString,
            tenant: "acme", server: server, actions: [.power, .view])
    }

    func loginClaims() -> LoginClaims {
        let iat = Int64(now.timeIntervalSince1970)
        return LoginClaims(iss: issuer, sub: "user-1", aud: "tether-manager", exp: iat + 900, iat: iat, jti: "j", name: "ann", authTime: iat)
    }

    /// A compact JWS built by hand, to forge what a real signer never would.
    static func compact(header: [String: String], payload: some Encodable, sign: (Data) -> Data) throws -> String {
        let headerPart = Base64URL.encode(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        let payloadPart = Base64URL.encode(try JSONEncoder().encode(payload))
        let input = "\(headerPart).\(payloadPart)"
        return "\(input).\(Base64URL.encode(sign(Data(input.utf8))))"
    }

    static func es256(_ key: SigningKey) -> (Data) -> Data {
        { data in (try? key.privateKey.signature(for: data).rawRepresentation) ?? Data() }
    }
}
