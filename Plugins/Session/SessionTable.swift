import Contracts

/// Every live session of this gateway. Pure: the caller passes the time (seconds since 1970)
/// and the random IDs, so each rule is testable without a clock.
///
/// A session lives while its lease is renewed (each resolve or refresh pushes it to
/// `now + lease`), never beyond `createdAt + maxLifetime`; its viewer code works once, within
/// `codeLifetime` of creation.
struct SessionTable: Sendable {
    let limits: SessionLimits
    private(set) var sessions: [String: SessionRecord] = [:]

    init(limits: SessionLimits) {
        self.limits = limits
    }

    /// Adds a session for an already verified `principal`.
    /// - Throws: `denied` when the principal may not open `kind` on `server`,
    ///   `too-many-sessions` at the per-server limit.
    mutating func create(
        server: String, kind: Session.Kind, token: String, principal: Auth.Principal, id: String, code: String, now: Int64
    ) throws(SessionError) -> SessionRecord {
        purge(now: now)
        guard principal.server == server else {
            throw .denied("this token is for \(principal.server.map { "server \($0)" } ?? "no server"), not \(server)")
        }
        guard principal.allows(kind.action, on: server) else {
            throw .denied("this token does not allow \(kind.action.rawValue) on \(server), which a \(kind.rawValue) session needs")
        }
        guard sessions.values.count(where: { $0.server == server }) < limits.maxPerServer else {
            throw .tooManySessions(server: server, limit: limits.maxPerServer)
        }
        let hardEnd = now + limits.maxLifetime
        let record = SessionRecord(
            id: id, server: server, kind: kind, token: token, principal: principal, createdAt: now,
            expiresAt: min(now + limits.lease, hardEnd), hardEnd: hardEnd, code: code, codeExpiresAt: now + limits.codeLifetime)
        sessions[id] = record
        return record
    }

    /// Consumes the viewer code of session `id`.
    /// - Throws: `unauthenticated` for an unknown session, a wrong, used or expired code.
    mutating func redeem(id: String, code: String, now: Int64) throws(SessionError) -> SessionRecord {
        purge(now: now)
        guard var record = sessions[id], let expected = record.code, record.codeExpiresAt > now,
              Self.constantTimeEqual(expected, code)
        else {
            throw .unauthenticated("the viewer code is unknown, already used or expired (codes work once, briefly); ask for a new viewer link")
        }
        record.code = nil
        record.expiresAt = min(now + limits.lease, record.hardEnd)
        sessions[id] = record
        return record
    }

    /// The live session `id`, its lease renewed.
    /// - Throws: `unauthenticated` for an unknown, ended or expired session.
    mutating func renew(id: String, now: Int64) throws(SessionError) -> SessionRecord {
        purge(now: now)
        guard var record = sessions[id] else { throw SessionError.sessionGone }
        record.expiresAt = max(record.expiresAt, min(now + limits.lease, record.hardEnd))
        sessions[id] = record
        return record
    }

    /// Ends session `id`; whether it was live.
    mutating func end(id: String, now: Int64) -> Bool {
        purge(now: now)
        return sessions.removeValue(forKey: id) != nil
    }

    /// The live sessions of `server`, oldest first.
    mutating func list(server: String, now: Int64) -> [SessionRecord] {
        purge(now: now)
        return sessions.values.filter { $0.server == server }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Drops every session whose lease has run out.
    mutating func purge(now: Int64) {
        sessions = sessions.filter { $0.value.expiresAt > now }
    }

    /// Compares secrets without stopping at the first difference.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
