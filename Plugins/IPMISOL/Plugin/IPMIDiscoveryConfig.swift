/// The optional `discovery:` block: which address ranges to probe with RMCP presence pings.
public struct IPMIDiscoveryConfig: Codable, Sendable, Equatable {
    /// `10.0.0.5`, `10.0.0.1-10.0.0.40` or `10.0.0.0/26` (IPv4, at most 4096 addresses in
    /// all). Empty: no probing.
    public var ranges: [String] = []
    /// The UDP port probed.
    public var port = 623
    /// How long to wait for pongs after the last ping.
    public var timeoutMilliseconds = 1000
    /// How often the ranges are probed again.
    public var intervalSeconds = 300

    public init() {}

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = IPMIDiscoveryConfig()
        ranges = try values.decodeIfPresent([String].self, forKey: .ranges) ?? defaults.ranges
        port = try values.decodeIfPresent(Int.self, forKey: .port) ?? defaults.port
        timeoutMilliseconds = try values.decodeIfPresent(Int.self, forKey: .timeoutMilliseconds) ?? defaults.timeoutMilliseconds
        intervalSeconds = try values.decodeIfPresent(Int.self, forKey: .intervalSeconds) ?? defaults.intervalSeconds
    }
}
