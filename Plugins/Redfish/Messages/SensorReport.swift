import Contracts

/// The sensors of a server's chassis.
public struct SensorReport: Codable, Sendable, Equatable {
    public var server: ServerID
    /// The chassis the readings come from.
    public var chassis: String
    /// `thermal-power` (the classic resources) or `sensors` (the Sensors collection).
    public var source: String
    public var readings: [SensorReading]

    public init(server: ServerID, chassis: String, source: String, readings: [SensorReading]) {
        self.server = server
        self.chassis = chassis
        self.source = source
        self.readings = readings
    }
}
