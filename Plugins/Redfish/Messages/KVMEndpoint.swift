/// Where a server's graphical console (KVM) can be reached, as a vendor handler knows it.
public struct KVMEndpoint: Codable, Sendable, Equatable {
    /// How the endpoint is used.
    public enum Kind: String, Codable, Sendable {
        /// RFB (VNC) over a WebSocket, usable by a VNC WebSocket client.
        case rfbWebSocket = "rfb-websocket"
        /// A page of the BMC's web interface that launches its own console.
        case webPage = "web-page"
    }

    public var kind: Kind
    public var url: String

    public init(kind: Kind, url: String) {
        self.kind = kind
        self.url = url
    }
}
