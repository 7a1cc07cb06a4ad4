import Foundation

/// A gateway with what its reports say about it being up.
public struct GatewayPresence: Sendable, Hashable, Codable {
    public var id: String
    public var url: String?
    /// Its last report; nil when it never reported (known from configuration only).
    public var lastSeen: Date?
    /// Online until then (a missed heartbeat or a dropped link ends it).
    public var onlineUntil: Date?

    public init(id: String, url: String? = nil, lastSeen: Date? = nil, onlineUntil: Date? = nil) {
        self.id = id
        self.url = url
        self.lastSeen = lastSeen
        self.onlineUntil = onlineUntil
    }

    /// Whether it counts as online at `now`.
    public func isOnline(at now: Date) -> Bool {
        onlineUntil.map { $0 > now } ?? false
    }
}
