/// IPMI network function codes (IPMI v2.0 table 5-1); requests use the even value.
public struct NetworkFunction: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue & 0x3F
    }

    public static let chassis = NetworkFunction(rawValue: 0x00)
    public static let sensorEvent = NetworkFunction(rawValue: 0x04)
    public static let application = NetworkFunction(rawValue: 0x06)
    public static let storage = NetworkFunction(rawValue: 0x0A)
    public static let transport = NetworkFunction(rawValue: 0x0C)

    /// The matching response network function (request + 1).
    var response: NetworkFunction { NetworkFunction(rawValue: rawValue | 0x01) }
}
