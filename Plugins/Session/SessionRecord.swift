import Contracts

/// One live session as the table keeps it: the public facts, the bound token and principal,
/// the pending viewer code and the lease.
struct SessionRecord: Sendable, Equatable {
    let id: String
    let server: String
    let kind: Session.Kind
    let token: String
    let principal: Auth.Principal
    let createdAt: Int64
    /// The lease end (seconds since 1970); renewed by use, never beyond `hardEnd`.
    var expiresAt: Int64
    /// `createdAt + maxLifetimeSeconds`.
    let hardEnd: Int64
    /// The one-time viewer code until it is redeemed or expires.
    var code: String?
    var codeExpiresAt: Int64

    var info: Session.Info {
        Session.Info(id: id, server: server, kind: kind, subject: principal.subject, createdAt: createdAt, expiresAt: expiresAt)
    }
}
