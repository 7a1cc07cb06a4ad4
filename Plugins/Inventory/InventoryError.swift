import Kernel

/// Why `inventory` refused. Stable codes; the `api` maps them to HTTP statuses.
public enum InventoryError: CodedError, Equatable {
    /// The caller may not report, or may not see this.
    case denied(String)
    case badRequest(String)
    /// The store is not open (starting, or the database is down).
    case unavailable(String)

    public var code: String {
        switch self {
        case .denied: "denied"
        case .badRequest: "bad-request"
        case .unavailable: "unavailable"
        }
    }

    public var message: String {
        switch self {
        case .denied(let why): "denied: \(why)"
        case .badRequest(let why): why
        case .unavailable(let why): "the inventory is unavailable: \(why)"
        }
    }
}

/// An `inventory` setting that cannot work.
struct InventoryConfigError: Error, CustomStringConvertible {
    let description: String
}
