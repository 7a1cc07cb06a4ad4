import Foundation

/// OIDC logins started and not yet finished, by `state`. Each is usable once and only until
/// it times out; the table is bounded. Pure: the caller passes the time.
struct PendingOIDCLogins: Sendable {
    struct Login: Sendable, Hashable {
        let pkce: PKCE
        let nonce: String
        let redirectURI: String
        let expiresAt: Date
    }

    let capacity: Int
    private var logins: [String: Login] = [:]

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// Records a login; refuses when full of unexpired logins (a flood of starts).
    mutating func add(_ login: Login, state: String, now: Date) -> Bool {
        if logins.count >= capacity { logins = logins.filter { $0.value.expiresAt > now } }
        guard logins.count < capacity else { return false }
        logins[state] = login
        return true
    }

    /// Takes the login for `state` (one use), if it exists and has not timed out.
    mutating func take(state: String, now: Date) -> Login? {
        guard let login = logins.removeValue(forKey: state), login.expiresAt > now else { return nil }
        return login
    }

    var count: Int { logins.count }
}
