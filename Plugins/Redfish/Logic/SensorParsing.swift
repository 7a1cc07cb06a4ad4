/// Turns Thermal, Power and Sensor resources into ``SensorReading``s. Pure: no I/O.
public enum SensorParsing {
    /// `Temperatures` and `Fans` of a Thermal resource.
    public static func thermal(_ json: JSONValue) -> [SensorReading] {
        let temperatures = json["Temperatures"].elements.enumerated().map { index, item in
            SensorReading(
                kind: .temperature, name: item["Name"].text ?? "Temperature \(index)", reading: item["ReadingCelsius"].double,
                units: "Cel", health: item["Status"]["Health"].text, upperCritical: item["UpperThresholdCritical"].double)
        }
        let fans = json["Fans"].elements.enumerated().map { index, item in
            SensorReading(
                kind: .fan, name: item["Name"].text ?? item["FanName"].text ?? "Fan \(index)", reading: item["Reading"].double,
                units: item["ReadingUnits"].text ?? "RPM", health: item["Status"]["Health"].text,
                upperCritical: item["UpperThresholdCritical"].double)
        }
        return temperatures + fans
    }

    /// `PowerControl`, `PowerSupplies` and `Voltages` of a Power resource.
    public static func power(_ json: JSONValue) -> [SensorReading] {
        let control = json["PowerControl"].elements.enumerated().map { index, item in
            SensorReading(
                kind: .power, name: item["Name"].text ?? "Power control \(index)", reading: item["PowerConsumedWatts"].double,
                units: "W", health: item["Status"]["Health"].text, upperCritical: item["PowerLimit"]["LimitInWatts"].double)
        }
        let supplies = json["PowerSupplies"].elements.enumerated().map { index, item in
            SensorReading(
                kind: .power, name: item["Name"].text ?? "Power supply \(index)",
                reading: item["PowerInputWatts"].double ?? item["LastPowerOutputWatts"].double,
                units: "W", health: item["Status"]["Health"].text, upperCritical: item["PowerCapacityWatts"].double)
        }
        let voltages = json["Voltages"].elements.enumerated().map { index, item in
            SensorReading(
                kind: .voltage, name: item["Name"].text ?? "Voltage \(index)", reading: item["ReadingVolts"].double,
                units: "V", health: item["Status"]["Health"].text, upperCritical: item["UpperThresholdCritical"].double)
        }
        return control + supplies + voltages
    }

    /// One member of the newer Sensors collection.
    public static func sensor(_ json: JSONValue) -> SensorReading {
        SensorReading(
            kind: kind(readingType: json["ReadingType"].text, context: json["PhysicalContext"].text),
            name: json["Name"].text ?? json["Id"].text ?? "Sensor",
            reading: json["Reading"].double, units: json["ReadingUnits"].text, health: json["Status"]["Health"].text,
            upperCritical: json["Thresholds"]["UpperCritical"]["Reading"].double)
    }

    static func kind(readingType: String?, context: String?) -> SensorKind {
        switch readingType {
        case "Temperature": .temperature
        case "Rotational": .fan
        case "Percent" where context == "Fan": .fan
        case "Power", "EnergykWh", "EnergyJoules": .power
        case "Voltage": .voltage
        default: .other
        }
    }
}
