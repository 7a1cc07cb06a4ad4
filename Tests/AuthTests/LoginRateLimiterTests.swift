import Auth
import Foundation
import Testing

@Suite struct LoginRateLimiterTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func locksAnAccountAfterTooManyFailuresUntilTheWindowPasses() {
        var limiter = LoginRateLimiter(policy: .init(failuresPerAccount: 3, accountWindowSeconds: 60, attemptsPerSource: 100, sourceWindowSeconds: 60))
        for index in 0..<3 {
            #expect(limiter.admit(account: "ann", source: "10.0.0.\(index)", now: t0) == nil)
            limiter.recordFailure(account: "ann", now: t0)
        }
        // From any address, even with the right password now, and whatever the case.
        #expect(limiter.admit(account: "ANN", source: "10.9.9.9", now: t0 + 1) == 59)
        #expect(limiter.admit(account: "bob", source: "10.9.9.9", now: t0 + 1) == nil)
        #expect(limiter.admit(account: "ann", source: "10.9.9.9", now: t0 + 60) == nil)
    }

    @Test func successClearsAnAccountsFailures() {
        var limiter = LoginRateLimiter(policy: .init(failuresPerAccount: 2, accountWindowSeconds: 60, attemptsPerSource: 100, sourceWindowSeconds: 60))
        limiter.recordFailure(account: "ann", now: t0)
        limiter.recordSuccess(account: "ann")
        limiter.recordFailure(account: "ann", now: t0)
        #expect(limiter.admit(account: "ann", source: "a", now: t0) == nil)
    }

    @Test func limitsAttemptsPerSourceAcrossAccounts() {
        var limiter = LoginRateLimiter(policy: .init(failuresPerAccount: 100, accountWindowSeconds: 60, attemptsPerSource: 5, sourceWindowSeconds: 10))
        for index in 0..<5 { #expect(limiter.admit(account: "user\(index)", source: "198.51.100.7", now: t0) == nil) }
        #expect(limiter.admit(account: "someone", source: "198.51.100.7", now: t0 + 2) == 8)
        #expect(limiter.admit(account: "someone", source: "198.51.100.8", now: t0 + 2) == nil)
        #expect(limiter.admit(account: "someone", source: "198.51.100.7", now: t0 + 10) == nil)
    }

    @Test func memoryStaysBoundedUnderAFloodOfNames() {
        var limiter = LoginRateLimiter(policy: .init(failuresPerAccount: 5, accountWindowSeconds: 900, attemptsPerSource: 1_000_000, sourceWindowSeconds: 60, maximumKeys: 100))
        for index in 0..<1_000 {
            _ = limiter.admit(account: "name\(index)", source: "src\(index)", now: t0)
            limiter.recordFailure(account: "name\(index)", now: t0)
        }
        #expect(limiter.trackedKeys <= 100)
    }
}
