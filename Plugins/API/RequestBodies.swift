import Auth

/// `POST /v1/login`.
struct LoginBody: StrictBody {
    static let fields: Set<String> = ["username", "password"]
    let username: String
    let password: String
}

/// `POST /v1/servers/{id}/session-token`.
struct SessionTokenBody: StrictBody {
    static let fields: Set<String> = ["actions"]
    let actions: [ServerAction]?
}

/// `POST /v1/token/refresh` (the token is in the Authorization header; the body is empty or `{}`).
struct EmptyBody: StrictBody {
    static let fields: Set<String> = []
}

/// `POST /v1/oidc/callback` (the CLI's loopback flow hands over the code).
struct OIDCCallbackBody: StrictBody {
    static let fields: Set<String> = ["code", "state"]
    let code: String
    let state: String
}

/// `PUT /v1/servers/{id}/tenant`.
struct TenantAssignmentBody: StrictBody {
    static let fields: Set<String> = ["tenant"]
    let tenant: String
}
