/// An RMCP+ cipher suite: one authentication, integrity and confidentiality algorithm
/// (IPMI v2.0 table 22-20).
public struct CipherSuite: Hashable, Sendable, CustomStringConvertible {
    /// The cipher suite ID (0-19).
    public let id: UInt8
    let authentication: AuthenticationAlgorithm
    let integrity: IntegrityAlgorithm
    let confidentiality: ConfidentialityAlgorithm

    /// Suite 0: no authentication, integrity or confidentiality.
    public static let suite0 = CipherSuite(id: 0, authentication: .none, integrity: .none, confidentiality: .none)
    /// Suite 1: RAKP-HMAC-SHA1, no integrity, no confidentiality.
    public static let suite1 = CipherSuite(id: 1, authentication: .hmacSHA1, integrity: .none, confidentiality: .none)
    /// Suite 2: RAKP-HMAC-SHA1, HMAC-SHA1-96, no confidentiality.
    public static let suite2 = CipherSuite(
        id: 2, authentication: .hmacSHA1, integrity: .hmacSHA1_96, confidentiality: .none
    )
    /// Suite 3: RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128.
    public static let suite3 = CipherSuite(
        id: 3, authentication: .hmacSHA1, integrity: .hmacSHA1_96, confidentiality: .aesCBC128
    )
    /// Suite 17: RAKP-HMAC-SHA256, HMAC-SHA256-128, AES-CBC-128.
    public static let suite17 = CipherSuite(
        id: 17, authentication: .hmacSHA256, integrity: .hmacSHA256_128, confidentiality: .aesCBC128
    )

    /// The suites this client implements.
    public static let implemented: [CipherSuite] = [.suite0, .suite1, .suite2, .suite3, .suite17]

    /// The implemented suite with this ID, if any.
    public init?(id: UInt8) {
        guard let suite = Self.implemented.first(where: { $0.id == id }) else { return nil }
        self = suite
    }

    init(
        id: UInt8,
        authentication: AuthenticationAlgorithm,
        integrity: IntegrityAlgorithm,
        confidentiality: ConfidentialityAlgorithm
    ) {
        self.id = id
        self.authentication = authentication
        self.integrity = integrity
        self.confidentiality = confidentiality
    }

    public var description: String { "cipher suite \(id)" }
}
