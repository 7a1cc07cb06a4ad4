/// What a sensor measures.
public enum SensorKind: String, Codable, Sendable, CaseIterable {
    case temperature, fan, power, voltage, other
}
