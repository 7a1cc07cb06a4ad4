import Foundation

/// One signed-in browser: the opaque ID in its cookie stands for a login token that never
/// leaves the dashboard.
struct LoginSession: Sendable, Hashable {
    let id: String
    var loginToken: String
    /// The login token's expiry; the session ends with it.
    var expiresAt: Date
    let user: SignedInUser
    let createdAt: Date
    /// When the current login token was obtained.
    var renewedAt: Date
}

extension LoginSession {
    /// Whether half of the login token's remaining lifetime at its last renewal has passed.
    func needsRefresh(now: Date) -> Bool {
        now >= renewedAt.addingTimeInterval(expiresAt.timeIntervalSince(renewedAt) / 2)
    }
}
