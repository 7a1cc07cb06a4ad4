import Foundation
import Storage

/// Validated OIDC settings (no I/O).
struct OIDCSettings: Sendable {
    let issuer: String
    let clientID: String
    let clientSecret: String?
    let redirectURI: String?
    let scopes: [String]
    let groupsClaim: String
    let mapping: GroupRoleMapping
    let allowLoopbackRedirect: Bool
    let loginTimeout: TimeInterval

    init(_ config: AuthPlugin.OIDC) throws(AuthError) {
        guard let url = URL(string: config.issuer), let scheme = url.scheme, ["https", "http"].contains(scheme), url.host != nil else {
            throw .badRequest("oidc.issuer must be an http(s) URL, not \"\(config.issuer.prefix(80))\"")
        }
        guard !config.clientID.isEmpty else { throw .badRequest("oidc.clientID is required when oidc.issuer is set") }
        if !config.redirectURI.isEmpty {
            guard let redirect = URL(string: config.redirectURI), ["https", "http"].contains(redirect.scheme ?? ""), redirect.host != nil else {
                throw .badRequest("oidc.redirectURI must be an http(s) URL")
            }
        }
        guard config.scopes.contains("openid") else { throw .badRequest("oidc.scopes must contain openid") }
        guard (60...3_600).contains(config.loginTimeoutSeconds) else { throw .badRequest("oidc.loginTimeoutSeconds must be 60...3600") }
        issuer = config.issuer.hasSuffix("/") ? String(config.issuer.dropLast()) : config.issuer
        clientID = config.clientID
        clientSecret = config.clientSecret.isEmpty ? nil : config.clientSecret
        redirectURI = config.redirectURI.isEmpty ? nil : config.redirectURI
        scopes = config.scopes
        groupsClaim = config.groupsClaim
        mapping = GroupRoleMapping(groupRoles: config.groupRoles, superadminGroups: config.superadminGroups)
        allowLoopbackRedirect = config.allowLoopbackRedirect
        loginTimeout = TimeInterval(config.loginTimeoutSeconds)
    }

    /// The redirect to use: the CLI's loopback URI when allowed, else the configured one.
    func redirect(for requested: String?) throws(AuthError) -> String {
        guard let requested else {
            guard let redirectURI else { throw .badRequest("no redirect URI: configure oidc.redirectURI or pass a loopback redirect") }
            return redirectURI
        }
        if requested == redirectURI { return requested }
        guard allowLoopbackRedirect else { throw .badRequest("loopback redirects are disabled (oidc.allowLoopbackRedirect)") }
        guard let url = URLComponents(string: requested), url.scheme == "http",
            let host = url.host, ["127.0.0.1", "[::1]", "::1", "localhost"].contains(host), url.port != nil,
            url.fragment == nil, url.user == nil, url.password == nil
        else { throw .badRequest("redirect must be the configured redirectURI or http://127.0.0.1:PORT/... (loopback)") }
        return requested
    }
}
