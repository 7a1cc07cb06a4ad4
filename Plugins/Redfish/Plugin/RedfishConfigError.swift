/// A `redfish` setting that cannot work, found when the manifest is loaded.
public struct RedfishConfigError: Error, Sendable, CustomStringConvertible {
    public let message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
