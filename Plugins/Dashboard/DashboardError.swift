import Kernel

/// A `dashboard` setting is wrong; the message names the key and what to do.
public struct DashboardError: Error, CodedError, CustomStringConvertible {
    public let message: String
    public var code: String { "dashboard-config" }
    public var description: String { "dashboard: \(message)" }
}
