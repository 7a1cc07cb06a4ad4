/// One sensor as the BMC reports it (Thermal/Power resources or the Sensors collection).
public struct SensorReading: Codable, Sendable, Equatable {
    public var kind: SensorKind
    public var name: String
    /// Nil when the sensor has no reading right now (absent device, powered off).
    public var reading: Double?
    /// `Cel`, `RPM`, `%`, `W`, `V`, or what the BMC says.
    public var units: String?
    public var health: String?
    public var upperCritical: Double?

    public init(kind: SensorKind, name: String, reading: Double?, units: String?, health: String? = nil, upperCritical: Double? = nil) {
        self.kind = kind
        self.name = name
        self.reading = reading
        self.units = units
        self.health = health
        self.upperCritical = upperCritical
    }
}
