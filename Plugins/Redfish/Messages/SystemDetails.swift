import Contracts

/// Everything `redfish.system.show` reports about one server.
public struct SystemDetails: Codable, Sendable, Equatable {
    public var server: ServerID
    /// The vendor handler in use (`generic`, `openbmc`, `dell-idrac`...).
    public var vendorHandler: String
    /// The service root's `Vendor` and `Product`.
    public var serviceVendor: String?
    public var serviceProduct: String?
    public var redfishVersion: String?
    public var systemPath: String
    public var model: String?
    public var manufacturer: String?
    public var serialNumber: String?
    public var sku: String?
    public var biosVersion: String?
    public var hostName: String?
    /// Redfish `PowerState` as given (`On`, `Off`, `PoweringOn`...).
    public var powerState: String?
    public var power: Power.State
    public var health: String?
    public var state: String?
    /// Boot progress as the vendor handler reads it (standard `BootProgress.LastState` or an OEM field).
    public var bootProgress: String?
    public var boot: BootOverride?
    /// The ResetTypes the system allows (nil: not listed by the BMC).
    public var resetTypes: [String]?
    public var manager: ManagerDetails?
    public var serialConsole: SerialConsoleEndpoint
    public var kvm: KVMEndpoint?
    public var capabilities: [Inventory.Capability]

    public init(
        server: ServerID, vendorHandler: String, serviceVendor: String?, serviceProduct: String?, redfishVersion: String?,
        systemPath: String, model: String?, manufacturer: String?, serialNumber: String?, sku: String?, biosVersion: String?,
        hostName: String?, powerState: String?, power: Power.State, health: String?, state: String?, bootProgress: String?,
        boot: BootOverride?, resetTypes: [String]?, manager: ManagerDetails?, serialConsole: SerialConsoleEndpoint,
        kvm: KVMEndpoint?, capabilities: [Inventory.Capability]
    ) {
        self.server = server
        self.vendorHandler = vendorHandler
        self.serviceVendor = serviceVendor
        self.serviceProduct = serviceProduct
        self.redfishVersion = redfishVersion
        self.systemPath = systemPath
        self.model = model
        self.manufacturer = manufacturer
        self.serialNumber = serialNumber
        self.sku = sku
        self.biosVersion = biosVersion
        self.hostName = hostName
        self.powerState = powerState
        self.power = power
        self.health = health
        self.state = state
        self.bootProgress = bootProgress
        self.boot = boot
        self.resetTypes = resetTypes
        self.manager = manager
        self.serialConsole = serialConsole
        self.kvm = kvm
        self.capabilities = capabilities
    }
}
