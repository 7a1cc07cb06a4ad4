/// One step of the schema. Applied once, in version order, each in its own transaction and
/// recorded in `schema_migrations`. Never edited after release: a change is a new migration.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// The statements, per dialect (most are the same text for both).
    public let statements: @Sendable (SQLDialect) -> [String]

    public init(version: Int, name: String, statements: @escaping @Sendable (SQLDialect) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// Every migration this binary knows, oldest first.
    public static let all: [Migration] = [.initialSchema, .externalIdentities, .liveInventory, .agentIdentity]

    /// The newest schema version this binary knows.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
