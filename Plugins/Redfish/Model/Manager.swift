/// A `Manager` resource: the BMC.
public struct Manager: Sendable, Equatable {
    public var path: String
    public var id: String?
    public var model: String?
    public var manufacturer: String?
    public var firmwareVersion: String?
    public var managerType: String?
    public var status: ResourceStatus
    public var networkProtocolPath: String?
    public var ethernetInterfacesPath: String?
    public var logServicesPath: String?
    public var serialConsole: SerialConsoleWebSocket?
    public var graphicalConsole: GraphicalConsole?
    public var oem: JSONValue

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue, path: String) {
        self.path = json.odataID ?? path
        id = json["Id"].text
        model = json["Model"].text
        manufacturer = json["Manufacturer"].text
        firmwareVersion = json["FirmwareVersion"].text
        managerType = json["ManagerType"].text
        status = ResourceStatus(json: json["Status"])
        networkProtocolPath = json["NetworkProtocol"].odataID
        ethernetInterfacesPath = json["EthernetInterfaces"].odataID
        logServicesPath = json["LogServices"].odataID
        serialConsole = SerialConsoleWebSocket(resource: json)
        graphicalConsole = GraphicalConsole(resource: json)
        oem = json["Oem"]
    }
}
