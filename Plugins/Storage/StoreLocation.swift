import Foundation

/// The `storage` setting: `sqlite:PATH` (the default, file created on first run),
/// `sqlite::memory:` for tests, or `postgres://user:password@host:port/database?sslmode=disable|require`.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Parses the setting.
    /// - Throws: a one-line reason naming what is wrong.
    public init(parsing text: String) throws(StoreError) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .invalid("storage: sqlite: needs a file path, e.g. sqlite:/var/lib/tether/manager.db") }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let url = URLComponents(string: text) else {
            throw .invalid("storage: \"\(text.prefix(60))\" is neither sqlite:PATH nor postgres://user@host:port/database")
        }
        guard let host = url.host, !host.isEmpty else { throw .invalid("storage: the PostgreSQL URL has no host") }
        guard let user = url.user, !user.isEmpty else { throw .invalid("storage: the PostgreSQL URL has no user (postgres://USER@host/db)") }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !database.isEmpty else { throw .invalid("storage: the PostgreSQL URL names no database (postgres://user@host:5432/DATABASE)") }
        var requireTLS = false
        for item in url.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"): requireTLS = false
            case ("sslmode", "require"): requireTLS = true
            default: throw .invalid("storage: unknown URL option \(item.name)=\(item.value ?? ""); allowed: sslmode=disable|require")
            }
        }
        if let port = url.port, !(1...65_535).contains(port) { throw .invalid("storage: port \(port) is out of range") }
        self = .postgres(PostgresLocation(
            host: host, port: url.port ?? 5432, username: user, password: url.password, database: database, requireTLS: requireTLS))
    }

    /// The setting without its password, for logs.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let location): "postgres://\(location.username)@\(location.host):\(location.port)/\(location.database)"
        }
    }
}
