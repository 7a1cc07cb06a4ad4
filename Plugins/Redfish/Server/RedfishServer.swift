import Contracts
import Logging

/// One configured server: its BMC connection, the system it is, and the operations on it.
actor RedfishServer {
    let name: ServerID
    let connection: RedfishConnection
    let systemID: String?
    let ipmiConfigured: Bool
    let powerWaitSeconds: Int
    let capabilityCacheSeconds: Int
    let logger: Logger

    /// The resolved ComputerSystem path (resolution lists the Systems collection once).
    var systemPath: String?
    var cachedCapabilities: (at: ContinuousClock.Instant, value: [Inventory.Capability])?
    /// A capability detection in progress (inventory.list waits for it only briefly).
    var capabilityRefresh: Task<[Inventory.Capability], any Error>?

    init(
        name: ServerID, connection: RedfishConnection, systemID: String?, ipmiConfigured: Bool, powerWaitSeconds: Int,
        capabilityCacheSeconds: Int, logger: Logger
    ) {
        self.name = name
        self.connection = connection
        self.systemID = systemID
        self.ipmiConfigured = ipmiConfigured
        self.powerWaitSeconds = powerWaitSeconds
        self.capabilityCacheSeconds = capabilityCacheSeconds
        self.logger = logger
    }

    /// The most members of a collection that are read one by one.
    static let memberReadLimit = 64
}
