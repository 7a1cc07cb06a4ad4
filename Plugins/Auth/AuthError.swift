import Kernel

/// What the `auth` plugin answers when it refuses; the `code` is stable, the API maps it to
/// an HTTP status.
public enum AuthError: Error, Sendable, Hashable, CodedError, CustomStringConvertible {
    /// Wrong user name or password (deliberately not saying which).
    case invalidCredentials
    /// Too many attempts; try again after the given number of seconds.
    case rateLimited(retryAfterSeconds: Int)
    /// The token was refused; the reason says why.
    case invalidToken(TokenRejection)
    /// The caller may not do this.
    case denied(String)
    /// The thing does not exist, or the caller may not know that it does.
    case notFound(String)
    /// The request itself is wrong.
    case badRequest(String)
    /// The OIDC provider or its answer failed.
    case oidcFailed(String)
    /// The manager cannot serve right now (starting, database down).
    case unavailable(String)

    public var code: String {
        switch self {
        case .invalidCredentials: "invalid-credentials"
        case .rateLimited: "rate-limited"
        case .invalidToken: "invalid-token"
        case .denied: "denied"
        case .notFound: "not-found"
        case .badRequest: "bad-request"
        case .oidcFailed: "oidc-failed"
        case .unavailable: "unavailable"
        }
    }

    public var message: String {
        switch self {
        case .invalidCredentials: "wrong user name or password"
        case .rateLimited(let seconds): "too many login attempts; try again in \(seconds) s"
        case .invalidToken(let rejection): "token refused: \(rejection.message)"
        case .denied(let why): "denied: \(why)"
        case .notFound(let what): "\(what) not found"
        case .badRequest(let why): why
        case .oidcFailed(let why): "OIDC login failed: \(why)"
        case .unavailable(let why): "the manager is unavailable: \(why)"
        }
    }

    public var description: String { message }
}
