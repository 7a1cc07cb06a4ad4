/// A `Chassis` resource: where the sensors live.
public struct Chassis: Sendable, Equatable {
    public var path: String
    /// The deprecated-but-common `Thermal` resource (temperatures, fans).
    public var thermalPath: String?
    /// The deprecated-but-common `Power` resource (consumption, voltages, supplies).
    public var powerPath: String?
    /// The newer `Sensors` collection (Redfish 2019.4 and later).
    public var sensorsPath: String?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue, path: String) {
        self.path = json.odataID ?? path
        thermalPath = json["Thermal"].odataID
        powerPath = json["Power"].odataID
        sensorsPath = json["Sensors"].odataID
    }
}
