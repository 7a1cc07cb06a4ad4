import Foundation

/// The stored login (`tether login`), refreshed when it is about to expire, and the
/// server-scoped session tokens it buys from the manager.
struct LoginSession {
    let store: CredentialStore
    /// `--manager` or `TETHER_MANAGER`; else the manager the login came from, else the config file's.
    let managerOverride: String?
    let configFile: CLIConfigFile

    init(environment: [String: String], managerFlag: String? = nil) {
        store = CredentialStore(environment: environment)
        managerOverride = managerFlag ?? environment["TETHER_MANAGER"]
        configFile = CLIConfigFile.load(environment: environment)
    }

    /// The stored login, refreshed first when it expires within a minute.
    /// - Throws: ``CLIError/authentication(_:)`` when there is none or it expired.
    func validLogin(now: Date = Date()) async throws -> (client: ManagerClient, credentials: CredentialStore.Credentials) {
        guard var credentials = store.load() else {
            throw CLIError.authentication("not logged in: run `tether login` (or pass --token / TETHER_TOKEN)")
        }
        let manager = try Self.managerURL(managerOverride ?? credentials.manager ?? configFile.manager)
        var client = ManagerClient(base: manager, token: credentials.token)
        switch LoginFreshness.of(expiresAt: credentials.expiresAt, now: Int64(now.timeIntervalSince1970)) {
        case .fresh:
            break
        case .expired:
            let when = credentials.expiresAt.map { Date(timeIntervalSince1970: TimeInterval($0)).formatted(.iso8601) } ?? "earlier"
            throw CLIError.authentication("your login expired at \(when): run `tether login`")
        case .refresh:
            let issued = try await client.call("POST", "v1/token/refresh", body: EmptyJSONBody(), as: ManagerReplies.IssuedToken.self)
            credentials.token = issued.token
            credentials.expiresAt = Int64(issued.expiresAt.timeIntervalSince1970)
            try store.save(credentials)
            client.token = issued.token
        }
        return (client, credentials)
    }

    /// A session token for `server` (only `actions`, or all the login's role allows when nil).
    func sessionToken(for server: String, actions: [String]? = nil) async throws -> ManagerReplies.SessionToken {
        let (client, _) = try await validLogin()
        return try await Self.sessionToken(for: server, actions: actions, client: client)
    }

    static func sessionToken(for server: String, actions: [String]?, client: ManagerClient) async throws -> ManagerReplies.SessionToken {
        guard let escaped = server.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])), !server.isEmpty else {
            throw CLIError.usage("bad server ID \"\(server)\"")
        }
        let path = "v1/servers/\(escaped)/session-token"
        if let actions {
            return try await client.call("POST", path, body: ["actions": actions], as: ManagerReplies.SessionToken.self)
        }
        return try await client.call("POST", path, body: EmptyJSONBody(), as: ManagerReplies.SessionToken.self)
    }

    /// Where the gateway of a session token is: the flag or `TETHER_GATEWAY`, else the URL
    /// the manager knows, else the config file (`gateways[ID]`, then `gateway`).
    func gatewayURL(explicit: String?, for token: ManagerReplies.SessionToken) throws -> URL {
        guard let text = explicit ?? token.gatewayURL ?? configFile.gateways?[token.gateway] ?? configFile.gateway else {
            throw CLIError.usage(
                "the manager does not know the URL of gateway \(token.gateway): pass --gateway, set TETHER_GATEWAY, or add it to the config file's \"gateways\"")
        }
        return try Self.httpURL(text, what: "gateway")
    }

    static func managerURL(_ text: String?) throws -> URL {
        guard let text else {
            throw CLIError.usage("no manager: pass --manager https://HOST:PORT, set TETHER_MANAGER, or put \"manager\" in the config file")
        }
        return try httpURL(text, what: "manager")
    }

    static func httpURL(_ text: String, what: String) throws -> URL {
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw CLIError.usage("bad \(what) URL \"\(text)\": use http(s)://HOST:PORT")
        }
        return url
    }
}
