import Hummingbird

extension Credential {
    /// The session ID a request authenticates with, when its credential is the session cookie
    /// (a bearer token or subprotocol takes precedence, as in ``find(in:)``).
    static func sessionID(in headers: HTTPFields) -> String? {
        guard case .cookie(let id)? = try? find(in: headers) else { return nil }
        return id
    }
}
