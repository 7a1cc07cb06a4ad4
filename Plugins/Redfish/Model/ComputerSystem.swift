/// A `ComputerSystem` resource: the server itself.
public struct ComputerSystem: Sendable, Equatable {
    public var path: String
    public var id: String?
    public var name: String?
    public var uuid: String?
    public var model: String?
    public var manufacturer: String?
    public var serialNumber: String?
    public var sku: String?
    public var biosVersion: String?
    public var hostName: String?
    /// `On`, `Off`, `PoweringOn`, `PoweringOff`, `Paused`.
    public var powerState: String?
    public var status: ResourceStatus
    /// `BootProgress.LastState`.
    public var bootProgressLastState: String?
    /// `BootProgress.OemLastState`, meaningful when `LastState` is `OEM`.
    public var bootProgressOemLastState: String?
    public var boot: BootOverride?
    public var reset: ResetAction?
    public var serialConsole: SerialConsoleWebSocket?
    public var graphicalConsole: GraphicalConsole?
    public var logServicesPath: String?
    public var managerPaths: [String]
    public var chassisPaths: [String]
    /// The raw `Oem` object, for vendor handlers.
    public var oem: JSONValue

    /// Reads the resource; absent or mistyped fields stay nil.
    /// - Parameter path: where the resource was read (used when it lacks `@odata.id`).
    public init(json: JSONValue, path: String) {
        self.path = json.odataID ?? path
        id = json["Id"].text
        name = json["Name"].text
        uuid = json["UUID"].text
        model = json["Model"].text
        manufacturer = json["Manufacturer"].text
        serialNumber = json["SerialNumber"].text
        sku = json["SKU"].text
        biosVersion = json["BiosVersion"].text
        hostName = json["HostName"].text
        powerState = json["PowerState"].text
        status = ResourceStatus(json: json["Status"])
        bootProgressLastState = json["BootProgress"]["LastState"].text
        bootProgressOemLastState = json["BootProgress"]["OemLastState"].text
        boot = json["Boot"].isObject ? BootOverride(json: json["Boot"]) : nil
        reset = ResetAction(json: json["Actions"]["#ComputerSystem.Reset"])
        serialConsole = SerialConsoleWebSocket(resource: json)
        graphicalConsole = GraphicalConsole(resource: json)
        logServicesPath = json["LogServices"].odataID
        managerPaths = json["Links"]["ManagedBy"].odataIDs
        chassisPaths = json["Links"]["Chassis"].odataIDs
        oem = json["Oem"]
    }

    /// The names a configured `systemId` may match: Id, Name, UUID and the last path segment.
    public var identifiers: [String] {
        [id, name, uuid, path.split(separator: "/").last.map(String.init)].compactMap { $0 }
    }
}
