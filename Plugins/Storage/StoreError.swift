import Kernel

/// Why a storage operation failed.
public enum StoreError: Error, Sendable, Hashable, CodedError, CustomStringConvertible {
    /// The database could not be opened or reached.
    case unavailable(String)
    /// A row would break a uniqueness rule (`tenant acme already exists`).
    case conflict(String)
    /// A referenced row does not exist (`tenant acme`).
    case notFound(String)
    /// A value breaks a rule of the schema (wrong role name, empty name).
    case invalid(String)
    /// A stored value is not what the schema says (a bug or a hand-edited database).
    case corrupt(String)
    /// The database reports a schema newer than this binary knows.
    case schemaTooNew(found: Int, known: Int)
    /// The backend refused a statement.
    case backend(String)

    public var code: String {
        switch self {
        case .unavailable: "storage-unavailable"
        case .conflict: "conflict"
        case .notFound: "not-found"
        case .invalid: "invalid"
        case .corrupt, .backend: "storage-failed"
        case .schemaTooNew: "schema-too-new"
        }
    }

    public var message: String {
        switch self {
        case .unavailable(let why): "the database is unavailable: \(why); check the storage setting and that the server runs"
        case .conflict(let what): "\(what) already exists"
        case .notFound(let what): "\(what) does not exist"
        case .invalid(let why): why
        case .corrupt(let why): "the database holds an unexpected value: \(why)"
        case .schemaTooNew(let found, let known):
            "the database schema is version \(found) but this tether knows only up to \(known); run a newer tether"
        case .backend(let why): "the database refused a statement: \(why)"
        }
    }

    public var description: String { message }
}
