import Contracts
import Foundation

/// How `auth.verify` checks a session token: the audience it requires and, in `verify`
/// mode, where the manager's keys are.
struct VerificationSettings: Sendable {
    let audience: String
    let jwks: String
    /// Absolute path of the PEM trust roots for the JWKS fetch; nil: the system's.
    let jwksTrustRoots: String?

    init(_ config: AuthPlugin.Config, node: String, resolvePath: (String) -> String = { $0 }) throws(AuthError) {
        audience = config.verifyAudience.isEmpty ? node : config.verifyAudience
        jwks = config.jwks
        jwksTrustRoots = config.jwksTrustRoots.isEmpty ? nil : resolvePath(config.jwksTrustRoots)
        guard config.mode == .verify else { return }
        guard let url = URL(string: config.jwks), ["https", "http"].contains(url.scheme ?? ""), url.host != nil else {
            throw .badRequest("mode verify needs jwks: the manager's https://HOST:PORT/.well-known/jwks.json, not \"\(config.jwks.prefix(80))\"")
        }
    }

    /// The principal a session token proves, or `unauthenticated` with the reason.
    func verify(_ token: String, with verifier: TokenVerifier) async throws -> Contracts.Auth.Principal {
        let claims: SessionClaims
        do throws(TokenRejection) {
            claims = try await verifier.verifySession(token, audience: audience)
        } catch .keysUnavailable(let why) {
            throw AuthError.unavailable("the manager's keys cannot be fetched: \(why)")
        } catch {
            throw Unauthenticated(message: "token refused: \(error.message)")
        }
        return Contracts.Auth.Principal(
            subject: claims.sub, tenant: claims.tenant.isEmpty ? nil : claims.tenant, server: claims.server,
            actions: claims.actions.compactMap { Contracts.Auth.Action(rawValue: $0.rawValue) }, expiresAt: claims.exp)
    }
}
