import Contracts

/// What a server supports, from what its BMC reports. Pure: no I/O.
public enum CapabilityDetection {
    /// The capabilities in `Inventory.Capability.allCases` order.
    public static func detect(
        system: ComputerSystem, manager: Manager?, network: ManagerNetworkProtocol?, console: SerialConsoleEndpoint,
        kvm: KVMEndpoint?, ipmiConfigured: Bool
    ) -> [Inventory.Capability] {
        var found: Set<Inventory.Capability> = [.redfish]
        if system.reset != nil { found.insert(.power) }
        if system.boot != nil { found.insert(.boot) }
        if system.logServicesPath != nil || manager?.logServicesPath != nil { found.insert(.eventLog) }
        switch console.kind {
        case .redfishWebSocket, .openBMCWebSocket: found.insert(.serialRedfish)
        case .ipmiSOL, .none: break
        }
        if ipmiConfigured { found.formUnion([.ipmi, .serialIPMI]) }
        if network?.isEnabled("RFB") == true || network?.isEnabled("VNC") == true { found.insert(.vncTCP) }
        if kvm?.kind == .rfbWebSocket { found.insert(.vncWebSocket) }
        return Inventory.Capability.allCases.filter(found.contains)
    }
}
