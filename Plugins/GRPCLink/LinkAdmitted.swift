import Contracts

/// What a listener admitted a hello as.
enum LinkAdmitted: Sendable, Equatable {
    /// A static token (`acceptedTokens`, `tokensFile`).
    case staticToken(String)
    /// An enrolment token the manager redeemed, once, for the agent's own credential, which
    /// the hello-ack carries to the agent.
    case enrolled(Auth.AgentCredential, enrolmentTokenID: String)
    /// The agent's own credential with a valid proof.
    case agent(Auth.AgentIdentity)

    /// What a second connection of the same node must have proved to replace this one.
    var credentialIdentity: String {
        switch self {
        case .staticToken(let token): "token:" + token
        case .enrolled(let credential, _): "agent:" + credential.credentialID
        case .agent(let identity): "agent:" + identity.credentialID
        }
    }

    /// When the agent's credential was issued (seconds since 1970), to match revocations
    /// against; nil for a static token. `presented` is the credential of the hello.
    func credentialIssuedAt(presented: String) -> Int64? {
        switch self {
        case .staticToken: nil
        // An unreadable `iat` counts as issued at the start of time: any revocation cuts it.
        case .enrolled(let credential, _): UnverifiedClaims.of(credential.credential)?.iat ?? 0
        case .agent: UnverifiedClaims.of(presented)?.iat ?? 0
        }
    }

    /// How the peer authenticated, for logs (never the secret itself).
    var logDescription: String {
        switch self {
        case .staticToken: "static token"
        case .enrolled(let credential, let tokenID): "enrolment token \(tokenID), redeemed for credential \(credential.credentialID)"
        case .agent(let identity): "agent credential \(identity.credentialID)"
        }
    }
}
