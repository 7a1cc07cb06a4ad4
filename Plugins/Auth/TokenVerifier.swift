import Crypto
import Foundation
import JWTKit

/// Verifies the manager's tokens with its public keys only, so a gateway needs no manager
/// round trip: the JWKS is fetched once, cached, and refreshed when a token names an
/// unknown `kid` (at most once per `minimumRefreshSeconds`). Every refusal is a distinct
/// ``TokenRejection``.
public actor TokenVerifier {
    public struct Options: Sendable {
        /// The `iss` every token must carry.
        public var issuer: String
        /// Tolerated clock difference for `exp` and `iat`.
        public var clockSkewSeconds: Int64 = 30
        /// How many verified tokens to remember (0: verify every signature).
        public var cacheCapacity: Int = 0
        /// Unknown `kid`s refresh the JWKS at most this often (garbage tokens cannot storm the manager).
        public var minimumRefreshSeconds: Double = 10
        /// The JWKS is fetched again when older than this, so rotated-out keys stop verifying.
        /// A failed periodic fetch keeps the keys it has: verification goes on offline.
        public var refreshIntervalSeconds: Double = 300

        public init(
            issuer: String, clockSkewSeconds: Int64 = 30, cacheCapacity: Int = 0, minimumRefreshSeconds: Double = 10,
            refreshIntervalSeconds: Double = 300
        ) {
            self.issuer = issuer
            self.clockSkewSeconds = clockSkewSeconds
            self.cacheCapacity = cacheCapacity
            self.minimumRefreshSeconds = minimumRefreshSeconds
            self.refreshIntervalSeconds = refreshIntervalSeconds
        }
    }

    /// Longer tokens are refused before any parsing.
    public static let maximumTokenBytes = 8192

    public let options: Options
    private let source: any JWKSSource
    private let now: @Sendable () -> Date
    private var keys = JWTKeyCollection()
    private var knownKeyIDs: Set<String> = []
    private var formerKeyIDs: Set<String> = []
    private var lastRefresh: Date?
    private var backgroundRefresh: Task<Void, Never>?
    private var sessionCache: VerifiedTokenCache<SessionClaims>
    private var loginCache: VerifiedTokenCache<LoginClaims>

    public init(options: Options, source: any JWKSSource, now: @escaping @Sendable () -> Date = { Date() }) {
        self.options = options
        self.source = source
        self.now = now
        self.sessionCache = VerifiedTokenCache(capacity: options.cacheCapacity)
        self.loginCache = VerifiedTokenCache(capacity: options.cacheCapacity)
    }

    /// Checks a session token for `server` at the gateway `audience`.
    public func verifySession(_ token: String, audience: String, server: String? = nil) async throws(TokenRejection) -> SessionClaims {
        try await refreshIfStale()
        let claims: SessionClaims
        if let cached = sessionCache.claims(for: token) {
            claims = cached
        } else {
            claims = try await verifySignature(token, kind: .session, as: SessionClaims.self)
            sessionCache.insert(claims, for: token, expiresAt: claims.exp, now: currentSeconds)
        }
        try check(iss: claims.iss, typ: claims.typ, kind: .session, exp: claims.exp, iat: claims.iat, aud: claims.aud, audience: audience)
        if let server, claims.server != server { throw .wrongServer(claims.server) }
        return claims
    }

    /// Checks a login token meant for `audience` (the manager).
    public func verifyLogin(_ token: String, audience: String) async throws(TokenRejection) -> LoginClaims {
        try await refreshIfStale()
        let claims: LoginClaims
        if let cached = loginCache.claims(for: token) {
            claims = cached
        } else {
            claims = try await verifySignature(token, kind: .login, as: LoginClaims.self)
            loginCache.insert(claims, for: token, expiresAt: claims.exp, now: currentSeconds)
        }
        try check(iss: claims.iss, typ: claims.typ, kind: .login, exp: claims.exp, iat: claims.iat, aud: claims.aud, audience: audience)
        return claims
    }

    /// Checks an enrolment token presented by the agent `node` to the gateway `audience`:
    /// signature, `typ: enrol`, issuer, expiry, audience, then `sub == node` (a token for
    /// another node is ``TokenRejection/wrongNode(_:)``). Never cached: links are rare.
    public func verifyEnrolment(_ token: String, node: String, audience: String) async throws(TokenRejection) -> EnrolmentClaims {
        try await refreshIfStale()
        let claims = try await verifySignature(token, kind: .enrol, as: EnrolmentClaims.self)
        try check(iss: claims.iss, typ: claims.typ, kind: .enrol, exp: claims.exp, iat: claims.iat, aud: claims.aud, audience: audience)
        guard claims.sub == node else { throw .wrongNode(claims.sub) }
        return claims
    }

    /// Checks an agent's own credential presented as the agent `node`: signature, `typ: agent`,
    /// issuer, expiry, then `sub == node` (another node's credential is
    /// ``TokenRejection/wrongNode(_:)``). Revocation and the proof of key possession are the
    /// caller's (``AgentCredentialVerification``). Never cached: links are rare.
    public func verifyAgentCredential(_ token: String, node: String) async throws(TokenRejection) -> AgentCredentialClaims {
        try await refreshIfStale()
        let claims = try await verifySignature(token, kind: .agent, as: AgentCredentialClaims.self)
        guard claims.iss == options.issuer else { throw .wrongIssuer(claims.iss) }
        guard claims.typ == .agent else { throw .wrongType(claims.typ.rawValue) }
        let seconds = currentSeconds
        guard claims.exp > seconds - options.clockSkewSeconds else { throw .expired }
        guard claims.iat <= seconds + options.clockSkewSeconds else { throw .notYetValid }
        guard claims.sub == node else { throw .wrongNode(claims.sub) }
        return claims
    }

    /// Fetches the JWKS now.
    public func refreshKeys() async throws(TokenRejection) {
        lastRefresh = now()
        let document: JWKSDocument
        do {
            document = try await source.fetchJWKS()
        } catch let rejection as TokenRejection {
            throw rejection
        } catch {
            throw .keysUnavailable("\(error)")
        }
        let collection = JWTKeyCollection()
        var ids: Set<String> = []
        for jwk in document.keys where jwk.isES256 {
            guard let kid = jwk.kid, let x = jwk.x, let y = jwk.y, let key = try? ES256PublicKey(parameters: (x: x, y: y)) else { continue }
            await collection.add(ecdsa: key, kid: JWKIdentifier(string: kid))
            ids.insert(kid)
        }
        let removed = knownKeyIDs.subtracting(ids)
        if !removed.isEmpty {
            // Tokens of a removed key must not live on in the cache.
            sessionCache.removeAll()
            loginCache.removeAll()
        }
        formerKeyIDs.formUnion(removed)
        formerKeyIDs.subtract(ids)
        if formerKeyIDs.count > 1000 { formerKeyIDs.removeAll() }
        keys = collection
        knownKeyIDs = ids
    }

    /// The key IDs currently trusted.
    public var trustedKeyIDs: Set<String> { knownKeyIDs }

    /// Fetches the JWKS when it is older than the refresh interval: inline when there are no
    /// keys yet, otherwise in the background so that no request waits on the manager (which
    /// may be down: the cached keys go on verifying).
    private func refreshIfStale() async throws(TokenRejection) {
        guard let lastRefresh, !knownKeyIDs.isEmpty else {
            if let lastRefresh, now().timeIntervalSince(lastRefresh) < options.minimumRefreshSeconds {
                throw .keysUnavailable("no signing keys could be fetched yet; retrying shortly")
            }
            return try await refreshKeys()
        }
        guard now().timeIntervalSince(lastRefresh) >= options.refreshIntervalSeconds else { return }
        self.lastRefresh = now()
        backgroundRefresh = Task { try? await self.refreshKeys() }
    }

    /// Waits for a background refresh to finish (for tests).
    func settle() async {
        await backgroundRefresh?.value
    }

    private var currentSeconds: Int64 { Int64(now().timeIntervalSince1970) }

    private func verifySignature<Claims: Decodable>(_ token: String, kind: TokenKind, as type: Claims.Type) async throws(TokenRejection) -> Claims {
        guard token.utf8.count <= Self.maximumTokenBytes else { throw .malformed("longer than \(Self.maximumTokenBytes) bytes") }
        let (header, payload) = try JOSEHeader.parse(token)
        guard let alg = header.alg else { throw .malformed("the header has no alg") }
        guard alg.lowercased() != "none" else { throw .unsigned }
        guard alg == "ES256" else { throw .algorithmNotAllowed(alg) }
        guard let kid = header.kid, !kid.isEmpty else { throw .missingKeyID }
        if !knownKeyIDs.contains(kid) {
            let due = lastRefresh.map { now().timeIntervalSince($0) >= options.minimumRefreshSeconds } ?? true
            if due { try await refreshKeys() }
            guard knownKeyIDs.contains(kid) else { throw formerKeyIDs.contains(kid) ? .keyRetired(kid) : .unknownKey(kid) }
        }
        do {
            _ = try await keys.verify(token, as: CommonClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch is CryptoKitError {
            throw .badSignature  // a signature of the wrong size or not on the curve
        } catch {
            throw .malformed("the payload lacks the manager's claims")
        }
        guard let claims = try? JSONDecoder().decode(Claims.self, from: payload) else {
            // Signed by us but not this kind: classify by its typ.
            let common = try? JSONDecoder().decode(TypeOnly.self, from: payload)
            throw .wrongType(common?.typ ?? "unknown")
        }
        return claims
    }

    private func check(iss: String, typ: TokenKind, kind: TokenKind, exp: Int64, iat: Int64, aud: String, audience: String) throws(TokenRejection) {
        guard iss == options.issuer else { throw .wrongIssuer(iss) }
        guard typ == kind else { throw .wrongType(typ.rawValue) }
        let seconds = currentSeconds
        guard exp > seconds - options.clockSkewSeconds else { throw .expired }
        guard iat <= seconds + options.clockSkewSeconds else { throw .notYetValid }
        guard aud == audience else { throw .wrongAudience(aud) }
    }

    private struct TypeOnly: Decodable {
        let typ: String
    }
}
