import Foundation

/// A regional gateway node.
public struct Gateway: Sendable, Hashable, Codable {
    /// The gateway's node ID, also the audience of the session tokens it accepts.
    public var id: String
    /// Where clients reach it (`https://gw-eu1.example:8443`).
    public var url: String?
    public var lastSeen: Date?

    public init(id: String, url: String? = nil, lastSeen: Date? = nil) {
        self.id = id
        self.url = url
        self.lastSeen = lastSeen
    }
}
