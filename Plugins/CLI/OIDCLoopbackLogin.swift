import Foundation

/// Single sign-on with a loopback redirect (RFC 8252): the manager starts the login for
/// `http://127.0.0.1:PORT/callback`, the user's browser comes back there with the code, and
/// the manager turns the code into a login token.
struct OIDCLoopbackLogin {
    let client: ManagerClient
    let openBrowser: Bool
    let timeout: Duration

    func run() async throws -> ManagerReplies.IssuedToken {
        let listener = try LoopbackListener()
        let start = try await client.call(
            "GET", "v1/oidc/start", query: [URLQueryItem(name: "redirect_uri", value: listener.redirectURI)], as: ManagerReplies.OIDCStart.self)
        FileHandleOutput.standardError("tether: open this URL in a browser to log in (waiting \(timeout.components.seconds) s):")
        FileHandleOutput.standardError("  \(start.authorizationURL)")
        if openBrowser { BrowserLauncher.open(start.authorizationURL) }
        let code = try await listener.awaitCode(state: start.state, timeout: timeout)
        return try await client.call("POST", "v1/oidc/callback", body: OIDCCallbackBody(code: code, state: start.state), as: ManagerReplies.IssuedToken.self)
    }
}
