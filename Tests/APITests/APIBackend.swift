import Foundation
import PostgresTesting
import Testing

/// The manager's two stores, for API tests that must hold on both.
enum APIBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The `auth` plugin's `storage` setting for a fresh database (the PostgreSQL case is
    /// cancelled, i.e. skipped with the reason, when the server binaries are missing).
    func storage() async throws -> String {
        switch self {
        case .sqlite:
            return "sqlite:" + NSTemporaryDirectory() + "tether-api-\(UUID().uuidString)/manager.db"
        case .postgres:
            if let reason = PostgresTestServer.unavailableReason { try Test.cancel(Comment(rawValue: reason)) }
            let location = try await PostgresTestServer.shared.freshDatabase()
            return "postgres://\(location.username)@\(location.host):\(location.port)/\(location.database)?sslmode=disable"
        }
    }
}
