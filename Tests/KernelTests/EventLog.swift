import Synchronization

/// A process-wide record of what test plugins did, keyed per test so parallel tests do not mix.
final class EventLog: Sendable {
    static let shared = EventLog()
    private let events = Mutex<[String: [String]]>([:])

    func record(_ key: String, _ event: String) {
        events.withLock { $0[key, default: []].append(event) }
    }

    func events(_ key: String) -> [String] {
        events.withLock { $0[key] ?? [] }
    }
}
