import Auth
import Foundation
import Hummingbird

/// The query string of `GET /v1/audit` and `GET /v1/audit/stream`, read strictly: only the
/// documented parameters (a misspelt one would silently widen the answer), integers where
/// integers belong, RFC 3339 times for `since` and `until`.
enum AuditQueryParameters {
    static let names: Set<String> = ["since", "until", "tenant", "server", "action", "limit", "before", "after"]

    /// The bus query for a caller; `limit` defaults to 100 (the stream ignores it).
    static func query(_ parameters: Parameters, loginToken: String, source: String) throws -> Manager.QueryAudit {
        let unknown = Set(parameters.map { String($0.key) }).subtracting(names).sorted()
        guard unknown.isEmpty else {
            throw APIError(
                .badRequest, code: "unknown-parameter",
                "unknown query parameter \(unknown.joined(separator: ", ")); allowed: \(names.sorted().joined(separator: ", "))")
        }
        func text(_ name: String) throws -> String? {
            let values = parameters.getAll(name)
            guard values.count <= 1 else { throw APIError(.badRequest, code: "bad-request", "\(name) may be given once") }
            return values.first
        }
        return Manager.QueryAudit(
            loginToken: loginToken, beforeID: try APIRoutes.integer(try text("before"), name: "before").map(Int64.init),
            afterID: try APIRoutes.integer(try text("after"), name: "after").map(Int64.init), tenant: try text("tenant"), server: try text("server"),
            action: try text("action"), since: try time(try text("since"), name: "since"), until: try time(try text("until"), name: "until"),
            limit: try APIRoutes.integer(try text("limit"), name: "limit") ?? 100, source: source)
    }

    /// The query of a stream: the same filters, but no paging (`limit`, `before`).
    static func streamQuery(_ parameters: Parameters, loginToken: String, source: String) throws -> Manager.QueryAudit {
        for name in ["limit", "before"] where !parameters.getAll(name).isEmpty {
            throw APIError(.badRequest, code: "bad-request", "\(name) pages a query; a stream starts at since or after and has no limit")
        }
        return try query(parameters, loginToken: loginToken, source: source)
    }

    /// An RFC 3339 time, with or without fractional seconds (`2026-11-27T20:45:00Z`).
    static func time(_ text: String?, name: String) throws -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw APIError(.badRequest, code: "bad-request", "\(name) must be an RFC 3339 time such as 2026-01-02T03:04:05Z")
    }
}
