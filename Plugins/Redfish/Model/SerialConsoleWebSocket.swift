/// `SerialConsole.WebSocket` of a ComputerSystem or Manager (Redfish 2023.1 and later).
public struct SerialConsoleWebSocket: Sendable, Equatable {
    public var serviceEnabled: Bool
    /// `ConsoleURI`: where to open the WebSocket (absolute, or a path on the BMC).
    public var consoleURI: String
    /// `Interactive`: whether typing is accepted (false: read-only).
    public var interactive: Bool

    /// Nil when the resource has no usable `SerialConsole.WebSocket`.
    /// Reads the resource; absent or mistyped fields stay nil.
    public init?(resource json: JSONValue) {
        let socket = json["SerialConsole"]["WebSocket"]
        guard let uri = socket["ConsoleURI"].text else { return nil }
        consoleURI = uri
        serviceEnabled = socket["ServiceEnabled"].bool ?? true
        interactive = socket["Interactive"].bool ?? true
    }
}
