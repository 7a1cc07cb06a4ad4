extension RedfishServer {
    /// The chassis sensors: Thermal and Power resources when present (two reads), else the Sensors collection.
    func sensors() async throws(RedfishError) -> SensorReport {
        let system = try await system()
        guard let chassis = try await chassis(of: system) else { throw .notSupported(server: name, what: "a Chassis (sensors live there)") }
        if chassis.thermalPath != nil || chassis.powerPath != nil {
            var readings: [SensorReading] = []
            if let path = chassis.thermalPath { readings += SensorParsing.thermal(try await connection.get(path)) }
            if let path = chassis.powerPath { readings += SensorParsing.power(try await connection.get(path)) }
            return SensorReport(server: name, chassis: chassis.path, source: "thermal-power", readings: readings)
        }
        guard let path = chassis.sensorsPath else {
            throw .notSupported(server: name, what: "sensors (chassis \(chassis.path) has no Thermal, Power or Sensors)")
        }
        let members = try await expandedMembers(of: path) { $0["Reading"] != .null || $0["ReadingType"] != .null }
        return SensorReport(server: name, chassis: chassis.path, source: "sensors", readings: members.map(SensorParsing.sensor))
    }
}
