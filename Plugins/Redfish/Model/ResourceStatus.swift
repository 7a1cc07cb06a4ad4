/// The common `Status` object.
public struct ResourceStatus: Sendable, Equatable, Codable {
    /// `Enabled`, `Disabled`, `Absent`, `StandbyOffline`...
    public var state: String?
    /// `OK`, `Warning` or `Critical`.
    public var health: String?
    public var healthRollup: String?

    public init(state: String? = nil, health: String? = nil, healthRollup: String? = nil) {
        self.state = state
        self.health = health
        self.healthRollup = healthRollup
    }

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        state = json["State"].text
        health = json["Health"].text
        healthRollup = json["HealthRollup"].text
    }
}
