import Foundation
import Storage

/// One audit record as one line of JSON for a SIEM: `id`, `at` (RFC 3339, UTC, milliseconds),
/// `actor`, `action`, `outcome` and, when set, `tenant`, `server`, `source`; `detail` always.
/// Keys sorted so the same record is always the same bytes. Pure. The export file and the
/// API's `GET /v1/audit/stream` write the same lines.
public struct AuditJSONLine: Codable, Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var outcome: String
    public var tenant: String?
    public var server: String?
    public var source: String?
    public var detail: String

    public init(_ event: AuditEvent) {
        id = event.id ?? 0
        at = Self.timestamp(event.at)
        actor = event.actor
        action = event.action
        outcome = event.outcome.rawValue
        tenant = event.tenantID
        server = event.serverID
        source = event.source
        detail = event.detail
    }

    /// The line, without its newline; JSON escapes keep it on one line whatever the fields hold.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The `id` of the last complete line in `text` (the tail of an export file), if any.
    static func lastID(in text: Substring) -> Int64? {
        for line in text.split(separator: "\n").reversed() {
            if let decoded = try? JSONDecoder().decode(Self.self, from: Data(line.utf8)) { return decoded.id }
        }
        return nil
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(millisecondsSince1970: date.millisecondsSince1970))
    }
}
