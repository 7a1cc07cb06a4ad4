import Foundation

/// `tether bench auth`: ES256 session token issuance and verification per second (verification
/// with and without the verified-token cache) and password checks per second. Run it on a
/// release build; each figure is measured for `seconds` after a short warm-up.
public enum AuthBenchmark {
    public struct Measurement: Sendable, CustomStringConvertible {
        public let label: String
        public let count: Int
        public let seconds: Double
        public var perSecond: Double { Double(count) / seconds }

        public var description: String {
            let rate = String(format: "%10.0f", perSecond)
            return "\(label.padding(toLength: 46, withPad: " ", startingAt: 0)) \(rate) /s  (\(count) in \(String(format: "%.2f", seconds)) s)"
        }
    }

    public static func run(seconds: Double = 2, passwordCost: Int = 15) async throws -> [Measurement] {
        let key = SigningKey.generate(now: Date())
        let signer = try await TokenSigner(key: key)
        let jwks = JWKSDocument(keys: [key.publicJWK])
        let now = Int64(Date().timeIntervalSince1970)
        func claims(_ index: Int) -> SessionClaims {
            SessionClaims(
                iss: "tether-manager", sub: "user-\(index % 100)", aud: "gw-eu1", exp: now + 300, iat: now, jti: "j\(index)",
                tenant: "acme", server: "web-\(index % 50)", actions: [.power, .console, .view])
        }
        var results: [Measurement] = []
        var tokens: [String] = []
        results.append(try await measure("issue session token (ES256 sign)", seconds: seconds) { index in
            let token = try await signer.sign(claims(index))
            if tokens.count < 10_000 { tokens.append(token) }
        })
        let pool = tokens
        let uncached = TokenVerifier(options: .init(issuer: "tether-manager"), source: ClosureJWKSSource { jwks })
        results.append(try await measure("verify session token, no cache", seconds: seconds) { index in
            _ = try await uncached.verifySession(pool[index % pool.count], audience: "gw-eu1")
        })
        let cached = TokenVerifier(options: .init(issuer: "tether-manager", cacheCapacity: 20_000), source: ClosureJWKSSource { jwks })
        results.append(try await measure("verify session token, cache (\(pool.count) tokens)", seconds: seconds) { index in
            _ = try await cached.verifySession(pool[index % pool.count], audience: "gw-eu1")
        })
        let hasher = try PasswordHasher(logN: passwordCost)
        let hash = try hasher.hash("correct horse battery staple")
        results.append(try await measure("password check (scrypt N=2^\(passwordCost), r=8, p=1)", seconds: seconds, batch: 1) { _ in
            guard hasher.verify("correct horse battery staple", against: hash) else { throw AuthError.invalidCredentials }
        })
        return results
    }

    /// Runs `body` in batches until `seconds` have passed (after two batches of warm-up).
    static func measure(
        _ label: String, seconds: Double, batch: Int = 100, _ body: (Int) async throws -> Void
    ) async throws -> Measurement {
        for index in 0..<(batch * 2) { try await body(index) }
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        while clock.now - start < .seconds(seconds) {
            for _ in 0..<batch {
                try await body(count)
                count += 1
            }
        }
        let elapsed = clock.now - start
        return Measurement(
            label: label, count: count,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
