/// Which cipher suites the client may negotiate, in order of preference.
///
/// The default, ``strongest``, accepts only suites with integrity and AES confidentiality
/// (17, then 3). Suites without encryption or authentication must be enabled explicitly.
public struct CipherSuitePolicy: Hashable, Sendable {
    /// Acceptable suites, most preferred first.
    public let preferenceOrder: [CipherSuite]

    public init(preferenceOrder: [CipherSuite]) {
        self.preferenceOrder = preferenceOrder
    }

    /// Suite 17 when offered, else suite 3.
    public static let strongest = CipherSuitePolicy(preferenceOrder: [.suite17, .suite3])
    /// Like ``strongest`` but falls back to the insecure suites 2, 1 and 0 (no password
    /// check at all with suite 0). Only for lab BMCs.
    public static let allowInsecure = CipherSuitePolicy(
        preferenceOrder: [.suite17, .suite3, .suite2, .suite1, .suite0]
    )

    /// Exactly one suite.
    public static func only(_ suite: CipherSuite) -> CipherSuitePolicy {
        CipherSuitePolicy(preferenceOrder: [suite])
    }

    /// The acceptable suites the BMC offers, in preference order. With `offered == nil`
    /// (the BMC could not list its suites) every acceptable suite is a candidate to probe.
    func candidates(offered: [UInt8]?) -> [CipherSuite] {
        guard let offered else { return preferenceOrder }
        return preferenceOrder.filter { offered.contains($0.id) }
    }
}
