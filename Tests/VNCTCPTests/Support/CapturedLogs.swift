import Logging
import Synchronization

/// Every log line of this test process, with metadata, at every level, so a test can check
/// that a secret never appears. Installed once, before the first logger is made through it.
final class CapturedLogs: Sendable {
    static let shared: CapturedLogs = {
        let logs = CapturedLogs()
        LoggingSystem.bootstrap { label in CapturingHandler(label: label, logs: logs) }
        return logs
    }()

    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    struct CapturingHandler: LogHandler {
        let label: String
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]

        /// Always trace: a test logger set to `.critical` must not hide lines from the check.
        var logLevel: Logger.Level {
            get { .trace }
            set {}
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            logs.append("\(event.level) [\(label)] \(event.message) \(fields)")
        }
    }
}
