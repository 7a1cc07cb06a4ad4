import PostgresTesting
import Testing

/// Where the manager of an end-to-end test keeps its data: the default SQLite file, or a
/// fresh database on a real PostgreSQL server (production's choice).
enum ManagerStorage: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The `auth` plugin's `storage:` value; nil for the deployment's SQLite default. The
    /// PostgreSQL case is skipped, with the reason, when the server binaries are missing.
    func location() async throws -> String? {
        switch self {
        case .sqlite:
            return nil
        case .postgres:
            if let reason = PostgresTestServer.unavailableReason { try Test.cancel(Comment(rawValue: reason)) }
            let database = try await PostgresTestServer.shared.freshDatabase()
            return "postgres://\(database.username)@\(database.host):\(database.port)/\(database.database)?sslmode=disable"
        }
    }
}
