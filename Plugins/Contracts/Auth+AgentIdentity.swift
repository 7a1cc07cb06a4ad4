import Kernel

extension Auth {
    /// Redeems an agent's enrolment token, once, for the agent's own long-lived credential
    /// bound to its P-256 key. Served by `auth` in issue mode (the manager); a gateway's link
    /// listener asks it with `.nearest`, which reaches the manager over the gateway's link.
    ///
    /// The token is verified like ``VerifyEnrolment`` (signature, `typ: enrol`, expiry, `sub`
    /// the node, `aud` the gateway) and its `jti` is recorded: a second redemption is refused.
    /// Errors (`BusError.remote` codes): `unauthenticated` with the reason (also "already
    /// used"), `bad-request` for a malformed public key, `unavailable` when the store is down.
    public struct RedeemEnrolment: Request {
        public static let topic: Topic = "auth.redeem-enrolment"
        /// The enrolment token the agent presented.
        public var token: String
        /// The node name the agent claims: must be the token's `sub`.
        public var node: String
        /// The listener's node: must be the token's `aud`.
        public var gateway: String
        /// The agent's P-256 public key: base64url (no padding) of its 64-byte raw x‖y form.
        public var publicKey: String
        /// Where the agent connected from, for the audit trail.
        public var source: String

        public init(token: String, node: String, gateway: String, publicKey: String, source: String) {
            self.token = token
            self.node = node
            self.gateway = gateway
            self.publicKey = publicKey
            self.source = source
        }

        public typealias Reply = AgentCredential
    }

    /// An agent's own credential: a JWT the manager signed (`typ: agent`, `sub` the node, `jti`
    /// the credential ID, `cnf.jwk` the agent's public key, RFC 7800), valid for any gateway
    /// together with a proof made with the agent's private key (``AgentProof``).
    public struct AgentCredential: Codable, Sendable, Equatable {
        public var credential: String
        public var credentialID: String
        public var node: String
        /// Seconds since 1970.
        public var expiresAt: Int64

        public init(credential: String, credentialID: String, node: String, expiresAt: Int64) {
            self.credential = credential
            self.credentialID = credentialID
            self.node = node
            self.expiresAt = expiresAt
        }
    }

    /// Checks an agent credential and its proof offline, for the link listener of `gateway`:
    /// the manager's signature, `typ: agent`, not expired, `sub` the claimed node, not revoked
    /// (the manager's revocation list), and `proof` a P-256 signature of
    /// ``AgentProof/message(node:gateway:timestamp:)`` by the key in `cnf.jwk`, with
    /// `timestamp` within ``AgentProof/maximumSkewSeconds`` of now. Served by `auth` in both
    /// modes.
    ///
    /// Errors: `unauthenticated` with the reason (bad signature, expired, wrong node, revoked,
    /// bad proof, stale proof, not an agent credential); `unavailable` when the keys or the
    /// revocation list cannot be had.
    public struct VerifyAgentCredential: Request {
        public static let topic: Topic = "auth.verify-agent"
        public var credential: String
        public var node: String
        public var gateway: String
        /// Seconds since 1970, as signed in the proof.
        public var timestamp: Int64
        /// base64url (no padding) of the 64-byte raw r‖s ECDSA P-256 SHA-256 signature.
        public var proof: String

        public init(credential: String, node: String, gateway: String, timestamp: Int64, proof: String) {
            self.credential = credential
            self.node = node
            self.gateway = gateway
            self.timestamp = timestamp
            self.proof = proof
        }

        public typealias Reply = AgentIdentity
    }

    /// A verified agent: which node, by which credential, until when.
    public struct AgentIdentity: Codable, Sendable, Equatable {
        public var node: String
        public var credentialID: String
        /// Seconds since 1970.
        public var expiresAt: Int64

        public init(node: String, credentialID: String, expiresAt: Int64) {
            self.node = node
            self.credentialID = credentialID
            self.expiresAt = expiresAt
        }
    }

    /// The agent revocations this node knows, for a link listener that cuts the links of
    /// revoked agents: node name to the last second (since 1970) of revoked credentials (a
    /// credential whose `iat` is at or before it is revoked). Served by `auth` in both modes:
    /// the manager from its store, a gateway from its cached copy of the manager's list
    /// (`unavailable` until fetched once).
    public struct KnownAgentRevocations: Request {
        public static let topic: Topic = "auth.known-agent-revocations"

        public init() {}

        public typealias Reply = [String: Int64]
    }

    /// What an agent signs with its identity key when it links: binds the proof to its node,
    /// the gateway it links to and the time, so a proof cannot be replayed elsewhere or later.
    public enum AgentProof {
        /// How far a proof's timestamp may be from the verifier's clock, either way.
        public static let maximumSkewSeconds: Int64 = 300

        /// The signed bytes.
        public static func message(node: String, gateway: String, timestamp: Int64) -> [UInt8] {
            Array("tether-link-identity/1\n\(node)\n\(gateway)\n\(timestamp)".utf8)
        }
    }
}
