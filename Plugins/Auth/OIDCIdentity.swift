/// A person the OIDC provider vouched for.
public struct OIDCIdentity: Sendable, Hashable {
    public let issuer: String
    public let subject: String
    /// `preferred_username`, else `email`, else the subject.
    public let displayName: String
    public let groups: [String]
}
