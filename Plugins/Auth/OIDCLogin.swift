import Foundation
import JWTKit

/// The manager's side of an OIDC login: authorization code with PKCE (S256), for a browser
/// (the configured redirect) or a CLI (a loopback redirect, RFC 8252).
actor OIDCLogin {
    let settings: OIDCSettings
    private let provider: OIDCProviderClient
    private let now: @Sendable () -> Date
    private var discovery: OIDCDiscoveryDocument?
    private var providerKeys: JWTKeyCollection?
    private var pending = PendingOIDCLogins()
    static let maximumParameterLength = 4096

    init(settings: OIDCSettings, provider: OIDCProviderClient, now: @escaping @Sendable () -> Date) {
        self.settings = settings
        self.provider = provider
        self.now = now
    }

    /// The provider URL to send the user to, and the `state` that will come back.
    func start(redirectURI requested: String?) async throws(AuthError) -> (url: String, state: String) {
        let redirect = try settings.redirect(for: requested)
        let document = try await discovered()
        if let methods = document.codeChallengeMethodsSupported, !methods.contains("S256") {
            throw .oidcFailed("the provider does not support PKCE S256")
        }
        let state = RandomToken.make()
        let nonce = RandomToken.make()
        let pkce = PKCE.generate()
        let login = PendingOIDCLogins.Login(pkce: pkce, nonce: nonce, redirectURI: redirect, expiresAt: now().addingTimeInterval(settings.loginTimeout))
        guard pending.add(login, state: state, now: now()) else { throw .unavailable("too many OIDC logins in progress") }
        let query = FormEncoding.encode([
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", redirect),
            ("scope", settings.scopes.joined(separator: " ")), ("state", state), ("nonce", nonce),
            ("code_challenge", pkce.challenge), ("code_challenge_method", "S256"),
        ])
        let separator = document.authorizationEndpoint.contains("?") ? "&" : "?"
        return (document.authorizationEndpoint + separator + query, state)
    }

    /// Exchanges the code for an ID token and checks it: signature, issuer, audience, expiry, nonce.
    func finish(code: String, state: String) async throws(AuthError) -> OIDCIdentity {
        guard !code.isEmpty, code.count <= Self.maximumParameterLength, !state.isEmpty, state.count <= Self.maximumParameterLength else {
            throw .badRequest("code and state are required (at most \(Self.maximumParameterLength) characters)")
        }
        guard let login = pending.take(state: state, now: now()) else {
            throw .badRequest("unknown, used or expired OIDC state; start the login again")
        }
        let document = try await discovered()
        let tokens = try await provider.exchange(
            code: code, verifier: login.pkce.verifier, redirectURI: login.redirectURI, settings: settings, endpoint: document.tokenEndpoint)
        let claims = try await verifiedClaims(tokens.idToken, document: document)
        guard claims.iss == document.issuer else { throw .oidcFailed("the ID token was issued by \(claims.iss)") }
        guard claims.aud.value.contains(settings.clientID) else { throw .oidcFailed("the ID token is not meant for client \(settings.clientID)") }
        guard Double(claims.exp) > now().timeIntervalSince1970 - 60 else { throw .oidcFailed("the ID token has expired") }
        guard claims.nonce == login.nonce else { throw .oidcFailed("the ID token's nonce does not match this login") }
        let groups = try Self.groups(in: tokens.idToken, claim: settings.groupsClaim)
        return OIDCIdentity(
            issuer: claims.iss, subject: claims.sub, displayName: claims.preferredUsername ?? claims.email ?? claims.sub, groups: groups)
    }

    private func discovered() async throws(AuthError) -> OIDCDiscoveryDocument {
        if let discovery { return discovery }
        let document = try await provider.discover(issuer: settings.issuer)
        discovery = document
        return document
    }

    private func verifiedClaims(_ token: String, document: OIDCDiscoveryDocument) async throws(AuthError) -> IDTokenClaims {
        let (header, _) = try Self.header(token)
        guard let alg = header.alg, alg.lowercased() != "none", !alg.hasPrefix("HS") else {
            throw .oidcFailed("the ID token uses algorithm \(header.alg ?? "none"), which is not allowed")
        }
        for attempt in 0..<2 {
            let keys = try await keys(document: document, refresh: attempt > 0)
            do {
                return try await keys.verify(token, as: IDTokenClaims.self)
            } catch let error as JWTError where error.errorType == .unknownKID && attempt == 0 {
                continue  // the provider rotated its keys: fetch them again, once
            } catch {
                throw .oidcFailed("the ID token's signature or claims are invalid: \(error)")
            }
        }
        throw .oidcFailed("the ID token is signed by a key the provider does not publish")
    }

    private func keys(document: OIDCDiscoveryDocument, refresh: Bool) async throws(AuthError) -> JWTKeyCollection {
        if let providerKeys, !refresh { return providerKeys }
        let json = try await provider.jwks(document.jwksURI)
        do {
            let collection = try await JWTKeyCollection().add(jwksJSON: json)
            providerKeys = collection
            return collection
        } catch {
            throw .oidcFailed("the provider's JWKS cannot be read: \(error)")
        }
    }

    private static func header(_ token: String) throws(AuthError) -> (JOSEHeader, Data) {
        do {
            return try JOSEHeader.parse(token)
        } catch {
            throw .oidcFailed("the ID token is malformed: \(error.message)")
        }
    }

    /// The groups claim: a list of strings, or absent (no groups).
    static func groups(in token: String, claim: String) throws(AuthError) -> [String] {
        let (_, payload) = try header(token)
        guard let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any] else {
            throw .oidcFailed("the ID token payload is not a JSON object")
        }
        guard let value = object[claim] else { return [] }
        if let single = value as? String { return [single] }
        guard let list = value as? [String] else { throw .oidcFailed("the \(claim) claim is not a list of strings") }
        return list
    }
}
