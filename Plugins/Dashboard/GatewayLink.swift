/// Where the browser and the dashboard reach one gateway's API (`gateway-api`).
public struct GatewayLink: Codable, Sendable, Hashable {
    /// The gateway's node ID, as the servers' `gateway` names it.
    public var id: String
    /// Its public `http(s)://host[:port]` (no path).
    public var url: String

    public init(id: String, url: String) {
        self.id = id
        self.url = url
    }
}
