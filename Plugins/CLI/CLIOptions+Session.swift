import Foundation

extension CLIOptions {
    /// The effective settings for a command on `server`: an explicit token (`--token`,
    /// `TETHER_TOKEN`) is used as is; otherwise the stored login (refreshed when needed)
    /// buys a session token for `server` from the manager, limited to `actions` when given.
    func resolved(
        server: String, actions: [String]? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> ResolvedOptions {
        if token != nil || environment["TETHER_TOKEN"] != nil { return try resolved(environment: environment) }
        let login = LoginSession(environment: environment, managerFlag: manager)
        let issued = try await login.sessionToken(for: server, actions: actions)
        let url = try login.gatewayURL(explicit: gateway ?? environment["TETHER_GATEWAY"], for: issued)
        let manager = manager
        let renew: @Sendable () async throws -> String = {
            try await LoginSession(environment: environment, managerFlag: manager).sessionToken(for: server, actions: actions).token.token
        }
        return ResolvedOptions(gateway: url, token: issued.token.token, output: output, renew: renew)
    }
}
