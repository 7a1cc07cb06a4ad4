/// A setting of an `ipmi-sol` entry that cannot work; thrown by `init`, so the role is refused
/// before anything starts.
public struct IPMISOLConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where: `servers[1].port`.
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
