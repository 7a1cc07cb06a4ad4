/// The BMC (Redfish Manager) of a server.
public struct ManagerDetails: Codable, Sendable, Equatable {
    public var path: String
    public var model: String?
    public var manufacturer: String?
    public var firmwareVersion: String?
    public var health: String?
    public var hostName: String?
    public var macAddresses: [String]
    public var ipv4Addresses: [String]
    /// NetworkProtocol services (`HTTPS`, `IPMI`, `SSH`, `KVMIP`...) by name.
    public var protocols: [String: NetworkService]

    public init(
        path: String, model: String?, manufacturer: String?, firmwareVersion: String?, health: String?, hostName: String?,
        macAddresses: [String], ipv4Addresses: [String], protocols: [String: NetworkService]
    ) {
        self.path = path
        self.model = model
        self.manufacturer = manufacturer
        self.firmwareVersion = firmwareVersion
        self.health = health
        self.hostName = hostName
        self.macAddresses = macAddresses
        self.ipv4Addresses = ipv4Addresses
        self.protocols = protocols
    }
}
