/// A person who logs in, locally (with a password hash) or through OIDC.
public struct User: Sendable, Hashable, Codable {
    /// Where a user's identity comes from.
    public enum Origin: String, Sendable, Hashable, Codable {
        case local, oidc
    }

    public var id: String
    /// The login name, unique.
    public var name: String
    /// A self-describing KDF hash (`$scrypt$...`); nil for users who log in only through OIDC.
    public var passwordHash: String?
    /// An operator of the whole installation: every tenant, every action.
    public var superadmin: Bool
    public var origin: Origin

    public init(id: String, name: String, passwordHash: String? = nil, superadmin: Bool = false, origin: Origin = .local) {
        self.id = id
        self.name = name
        self.passwordHash = passwordHash
        self.superadmin = superadmin
        self.origin = origin
    }
}
