import Foundation

/// The table behind an actor, with the clock and the random session IDs.
actor LoginSessionStore {
    private var table: LoginSessionTable
    private let now: @Sendable () -> Date

    init(capacity: Int, now: @escaping @Sendable () -> Date = { Date() }) {
        table = LoginSessionTable(capacity: capacity)
        self.now = now
    }

    /// A new session with a fresh 256-bit random ID.
    func create(loginToken: String, expiresAt: Date, user: SignedInUser) -> LoginSession {
        let session = LoginSession(id: RandomID.make(), loginToken: loginToken, expiresAt: expiresAt, user: user, createdAt: now(), renewedAt: now())
        table.add(session, now: now())
        return session
    }

    func session(_ id: String) -> LoginSession? { table.session(id, now: now()) }

    func renew(_ id: String, loginToken: String, expiresAt: Date) { table.renew(id, loginToken: loginToken, expiresAt: expiresAt, now: now()) }

    func remove(_ id: String) { table.remove(id) }
}
