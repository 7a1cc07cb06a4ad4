/// Why a token was refused, one distinct case per cause so callers and tests can tell them apart.
public enum TokenRejection: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Not three base64url parts with JSON header and payload.
    case malformed(String)
    /// `alg: none`: unsigned tokens are never accepted.
    case unsigned
    /// An algorithm other than ES256 (for example HS256 "signed" with the public key).
    case algorithmNotAllowed(String)
    /// The header names no `kid`.
    case missingKeyID
    /// No published key has this `kid`, even after refreshing the JWKS.
    case unknownKey(String)
    /// The key was published once but has been rotated out (its tokens have all expired).
    case keyRetired(String)
    /// The signature does not match the header and payload (tampered or forged).
    case badSignature
    /// `exp` has passed.
    case expired
    /// `iat`/`nbf` lies in the future beyond the allowed clock skew.
    case notYetValid
    /// Issued by someone else.
    case wrongIssuer(String)
    /// Meant for another audience (another gateway, or the manager).
    case wrongAudience(String)
    /// A session token for a different server.
    case wrongServer(String)
    /// A login token where a session token is needed, or the reverse.
    case wrongType(String)
    /// An enrolment token issued for another node than the one presenting it.
    case wrongNode(String)
    /// The keys could not be fetched, so nothing can be verified.
    case keysUnavailable(String)

    public var message: String {
        switch self {
        case .malformed(let why): "malformed token (\(why))"
        case .unsigned: "unsigned token (alg none)"
        case .algorithmNotAllowed(let alg): "algorithm \(alg) is not allowed; only ES256"
        case .missingKeyID: "the token header has no kid"
        case .unknownKey(let kid): "unknown signing key \(kid)"
        case .keyRetired(let kid): "signing key \(kid) has been rotated out"
        case .badSignature: "the signature does not match (tampered or forged)"
        case .expired: "the token has expired; log in again or refresh"
        case .notYetValid: "the token is not valid yet (clock skew?)"
        case .wrongIssuer(let issuer): "issued by \(issuer), not this manager"
        case .wrongAudience(let audience): "meant for \(audience)"
        case .wrongServer(let server): "scoped to server \(server)"
        case .wrongType(let type): "a \(type) token cannot be used here"
        case .wrongNode(let node): "issued for node \(node)"
        case .keysUnavailable(let why): "the signing keys are unavailable: \(why)"
        }
    }

    public var description: String { message }
}
