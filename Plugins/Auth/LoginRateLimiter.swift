import Foundation

/// Sliding-window limits on login attempts, per account (failures) and per source address
/// (all attempts). Pure: the caller passes the time. Memory is bounded by `maximumKeys`.
public struct LoginRateLimiter: Sendable {
    public struct Policy: Sendable, Hashable {
        public var failuresPerAccount: Int
        public var accountWindowSeconds: Int
        public var attemptsPerSource: Int
        public var sourceWindowSeconds: Int
        public var maximumKeys: Int

        public init(
            failuresPerAccount: Int = 5, accountWindowSeconds: Int = 900, attemptsPerSource: Int = 30, sourceWindowSeconds: Int = 60,
            maximumKeys: Int = 10_000
        ) {
            self.failuresPerAccount = failuresPerAccount
            self.accountWindowSeconds = accountWindowSeconds
            self.attemptsPerSource = attemptsPerSource
            self.sourceWindowSeconds = sourceWindowSeconds
            self.maximumKeys = maximumKeys
        }
    }

    public let policy: Policy
    private var accountFailures: [String: [Date]] = [:]
    private var sourceAttempts: [String: [Date]] = [:]

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Counts one attempt from `source` for `account`; returns the seconds to wait when
    /// either limit is reached (the attempt is then not counted against the account).
    public mutating func admit(account: String, source: String, now: Date) -> Int? {
        let accountKey = account.lowercased()
        let accountWindow = TimeInterval(policy.accountWindowSeconds)
        let sourceWindow = TimeInterval(policy.sourceWindowSeconds)
        let failures = Self.recent(accountFailures[accountKey], within: accountWindow, of: now)
        let attempts = Self.recent(sourceAttempts[source], within: sourceWindow, of: now)
        accountFailures[accountKey] = failures.isEmpty ? nil : failures
        if failures.count >= policy.failuresPerAccount, let oldest = failures.first {
            return Self.seconds(until: oldest.addingTimeInterval(accountWindow), from: now)
        }
        if attempts.count >= policy.attemptsPerSource, let oldest = attempts.first {
            sourceAttempts[source] = attempts
            return Self.seconds(until: oldest.addingTimeInterval(sourceWindow), from: now)
        }
        sourceAttempts[source] = attempts + [now]
        prune(now: now)
        return nil
    }

    /// A wrong password for `account`.
    public mutating func recordFailure(account: String, now: Date) {
        let key = account.lowercased()
        let failures = Self.recent(accountFailures[key], within: TimeInterval(policy.accountWindowSeconds), of: now)
        accountFailures[key] = Array((failures + [now]).suffix(policy.failuresPerAccount))
        prune(now: now)
    }

    /// A successful login clears the account's failures.
    public mutating func recordSuccess(account: String) {
        accountFailures[account.lowercased()] = nil
    }

    /// How many keys are tracked (for tests of the memory bound).
    public var trackedKeys: Int { accountFailures.count + sourceAttempts.count }

    private mutating func prune(now: Date) {
        guard trackedKeys > policy.maximumKeys else { return }
        let accountWindow = TimeInterval(policy.accountWindowSeconds)
        let sourceWindow = TimeInterval(policy.sourceWindowSeconds)
        accountFailures = accountFailures.compactMapValues { Self.recent($0, within: accountWindow, of: now).nilIfEmpty }
        sourceAttempts = sourceAttempts.compactMapValues { Self.recent($0, within: sourceWindow, of: now).nilIfEmpty }
        // Still too many live keys (a flood of distinct names): forget the least recent sources first.
        while trackedKeys > policy.maximumKeys {
            if let oldest = sourceAttempts.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }) {
                sourceAttempts[oldest.key] = nil
            } else if let oldest = accountFailures.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }) {
                accountFailures[oldest.key] = nil
            } else {
                break
            }
        }
    }

    private static func recent(_ times: [Date]?, within window: TimeInterval, of now: Date) -> [Date] {
        (times ?? []).filter { now.timeIntervalSince($0) < window }
    }

    private static func seconds(until date: Date, from now: Date) -> Int {
        max(1, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
