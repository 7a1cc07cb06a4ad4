/// A `vnc-tcp` or `vnc-ws` setting that cannot work, found when the manifest is loaded.
public struct GraphicalConsoleConfigError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
