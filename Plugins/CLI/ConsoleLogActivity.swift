import Synchronization

/// What `server log` shares between its reading and its quiet-timer tasks: when the last
/// console bytes came, and the bytes kept for a single JSON/YAML answer.
final class ConsoleLogActivity: Sendable {
    private let last = Mutex(ContinuousClock.now)
    private let kept = Mutex<[UInt8]>([])

    func touch() { last.withLock { $0 = .now } }
    var lastActivity: ContinuousClock.Instant { last.withLock { $0 } }

    func keep(_ bytes: [UInt8]) { kept.withLock { $0 += bytes } }
    var keptBytes: [UInt8] { kept.withLock { $0 } }
}
