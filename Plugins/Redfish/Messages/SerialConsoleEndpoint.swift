/// Where a server's serial console can be reached, best option first.
public struct SerialConsoleEndpoint: Codable, Sendable, Equatable {
    /// Which kind of console it is.
    public enum Kind: String, Codable, Sendable {
        /// `SerialConsole.WebSocket` of the ComputerSystem or Manager (Redfish 2023.1+).
        case redfishWebSocket = "redfish-websocket"
        /// OpenBMC's (bmcweb) `/console0` WebSocket.
        case openBMCWebSocket = "openbmc-websocket"
        /// No Redfish console; the server's IPMI configuration offers Serial-over-LAN.
        case ipmiSOL = "ipmi-sol"
        case none
    }

    public var kind: Kind
    /// `wss://...` for the WebSocket kinds.
    public var url: String?
    /// Whether typing is accepted.
    public var interactive: Bool?
    /// `system`, `manager` or the vendor handler that found it.
    public var source: String?

    public init(kind: Kind, url: String? = nil, interactive: Bool? = nil, source: String? = nil) {
        self.kind = kind
        self.url = url
        self.interactive = interactive
        self.source = source
    }
}
