import Foundation

/// The manager's answers, as the CLI reads them (the API's JSON, ISO 8601 dates).
enum ManagerReplies {
    /// `POST /v1/login`, `/v1/token/refresh`, `/v1/oidc/callback`.
    struct IssuedToken: Codable, Sendable {
        var token: String
        var expiresAt: Date
        var kind: String
    }

    /// `POST /v1/servers/{id}/session-token`.
    struct SessionToken: Codable, Sendable {
        var token: IssuedToken
        var gateway: String
        var gatewayURL: String?
        var actions: [String]
    }

    /// One entry of `GET /v1/servers`.
    struct Server: Codable, Sendable, Equatable {
        var id: String
        var tenant: String?
        var gateway: String?
        var capabilities: [String]
        var actions: [String]
    }

    /// `GET /v1/servers`.
    struct Servers: Codable, Sendable {
        var servers: [Server]
    }

    /// `GET /v1/oidc/start?redirect_uri=...`.
    struct OIDCStart: Codable, Sendable {
        var authorizationURL: String
        var state: String
    }
}

/// `POST /v1/login`.
struct PasswordLoginBody: Encodable {
    var username: String
    var password: String
}

/// `POST /v1/oidc/callback`.
struct OIDCCallbackBody: Encodable {
    var code: String
    var state: String
}

/// `POST /v1/token/refresh` and `.../session-token` without options: `{}`.
struct EmptyJSONBody: Encodable {}
