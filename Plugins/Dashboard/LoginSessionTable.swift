import Foundation

/// The signed-in browsers by session ID. Pure: time is passed in, IDs come from the caller.
struct LoginSessionTable: Sendable {
    let capacity: Int
    private(set) var sessions: [String: LoginSession] = [:]

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds a session; beyond the capacity the oldest ones are dropped (expired ones first).
    mutating func add(_ session: LoginSession, now: Date) {
        removeExpired(now: now)
        while sessions.count >= capacity, let oldest = sessions.values.min(by: { $0.createdAt < $1.createdAt }) {
            sessions[oldest.id] = nil
        }
        sessions[session.id] = session
    }

    /// The live session with this ID; an expired one is forgotten and nil.
    mutating func session(_ id: String, now: Date) -> LoginSession? {
        guard let session = sessions[id] else { return nil }
        guard session.expiresAt > now else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    /// Replaces the login token after a refresh.
    mutating func renew(_ id: String, loginToken: String, expiresAt: Date, now: Date) {
        sessions[id]?.loginToken = loginToken
        sessions[id]?.expiresAt = expiresAt
        sessions[id]?.renewedAt = now
    }

    mutating func remove(_ id: String) {
        sessions[id] = nil
    }

    mutating func removeExpired(now: Date) {
        sessions = sessions.filter { $0.value.expiresAt > now }
    }
}
