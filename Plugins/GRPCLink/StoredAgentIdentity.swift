/// What an agent keeps in its `identityFile`: its P-256 key, made for one enrolment token, and
/// once that token is redeemed, the credential the manager issued for the key.
struct StoredAgentIdentity: Codable, Sendable, Equatable {
    /// The node the identity belongs to; a file of another node is ignored.
    var node: String
    /// The private key: base64url of its raw 32 bytes.
    var privateKey: String
    /// The `jti` of the enrolment token the key was made for (and redeemed with).
    var enrolmentTokenID: String
    /// The gateway the agent enrolled at: the listener its proofs name.
    var gateway: String?
    /// The agent's own credential (a JWT the manager signed); nil until enrolled.
    var credential: String?
    var credentialID: String?
    /// Seconds since 1970.
    var expiresAt: Int64?
}
