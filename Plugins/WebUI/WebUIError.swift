import Kernel

/// A `webui` setting or asset is wrong; the message says what to do.
public struct WebUIError: Error, CodedError, CustomStringConvertible {
    public let message: String
    public var code: String { "webui-config" }
    public var description: String { "webui: \(message)" }
}
