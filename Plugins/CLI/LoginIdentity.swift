import Foundation

/// Who the stored login is, as `tether login` and `tether whoami` print it (`-o json`
/// schema in the README: every key always present, `subject` may be null).
struct LoginIdentity: Codable, Equatable {
    var user: String
    var subject: String?
    var manager: String
    /// `password` or `oidc`.
    var method: String
    /// ISO 8601, UTC.
    var expiresAt: String

    init(_ credentials: CredentialStore.Credentials) {
        user = credentials.user ?? credentials.subject ?? "unknown"
        subject = credentials.subject
        manager = credentials.manager ?? ""
        method = credentials.method ?? "unknown"
        expiresAt = credentials.expiresAt.map { Date(timeIntervalSince1970: TimeInterval($0)).formatted(.iso8601) } ?? ""
    }

    // Explicit so a nil subject is written as null: the schema keeps every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user, forKey: .user)
        try container.encode(subject, forKey: .subject)
        try container.encode(manager, forKey: .manager)
        try container.encode(method, forKey: .method)
        try container.encode(expiresAt, forKey: .expiresAt)
    }
}
