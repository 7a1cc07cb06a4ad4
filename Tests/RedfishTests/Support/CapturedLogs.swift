import Logging
import Synchronization

/// Every log line (message and metadata) a test's node wrote, at trace level.
final class CapturedLogs: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// A logger that writes here, at trace level.
    func logger(_ label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in CapturingHandler(logs: self) }
        logger.logLevel = .trace
        return logger
    }

    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }
}
