import Foundation

/// Tokens whose signature has already been checked, with their decoded claims, so a hot
/// token costs a dictionary lookup. Only the signature check is skipped on a hit: expiry,
/// audience and scope are checked on every use. Bounded: expired entries go first, then half.
struct VerifiedTokenCache<Claims: Sendable>: Sendable {
    let capacity: Int
    private var entries: [String: (claims: Claims, expiresAt: Int64)] = [:]

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    func claims(for token: String) -> Claims? {
        entries[token]?.claims
    }

    mutating func insert(_ claims: Claims, for token: String, expiresAt: Int64, now: Int64) {
        guard capacity > 0 else { return }
        if entries.count >= capacity {
            entries = entries.filter { $0.value.expiresAt > now }
            if entries.count >= capacity {
                for key in entries.keys.prefix(entries.count / 2 + 1) { entries[key] = nil }
            }
        }
        entries[token] = (claims, expiresAt)
    }

    mutating func removeAll() {
        entries.removeAll()
    }

    var count: Int { entries.count }
}
