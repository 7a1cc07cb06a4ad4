/// The negotiated per-session protection: integrity key K1 and the confidentiality cipher.
struct SessionSecurity: Sendable {
    var integrity: IntegrityAlgorithm
    var k1: [UInt8]
    var confidentiality: AESCBC128?

    /// No protection (cipher suites 0 and 1, and all pre-session messages).
    static let none = SessionSecurity(integrity: .none, k1: [], confidentiality: nil)

    var isAuthenticated: Bool { integrity != .none }
    var isEncrypted: Bool { confidentiality != nil }
}
