import Contracts
import Foundation

/// Redfish log entries to ``SystemEventLog/Entry``. Pure: no I/O.
public enum EventLogMapping {
    /// - Parameter position: the entry's 1-based place in the log, used when its `Id` is not a number.
    public static func entry(_ entry: LogEntry, position: Int) -> SystemEventLog.Entry {
        let id = entry.id.flatMap { Int($0) } ?? position
        var summary = entry.message ?? entry.messageID ?? "(no message)"
        if let severity = entry.severity { summary = "\(severity): \(summary)" }
        if let sensor = entry.sensorType { summary += " [\(sensor)]" }
        return SystemEventLog.Entry(id: id, timestamp: entry.created.flatMap(seconds(iso8601:)), summary: summary)
    }

    /// Seconds since 1970 of an ISO 8601 time (`2024-05-01T10:20:30Z`, `+02:00` offsets,
    /// fractional seconds); nil when it does not parse.
    public static func seconds(iso8601 text: String) -> Int64? {
        let plain = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let date = (try? plain.parse(text)) ?? (try? fractional.parse(text)) else { return nil }
        let value = date.timeIntervalSince1970.rounded(.down)
        guard value.isFinite, value > -1e15, value < 1e15 else { return nil }
        return Int64(value)
    }
}
