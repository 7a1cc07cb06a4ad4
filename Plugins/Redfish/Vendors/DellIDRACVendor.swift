/// Dell iDRAC: boot progress in `BootProgress.OemLastState` (iDRAC reports `LastState: OEM`
/// with the real state there, such as `No bootable devices.`), health in
/// `Oem.Dell.DellSystem` rollups, the HTML5 console at `/console`.
public struct DellIDRACVendor: RedfishVendor {
    public let id = "dell-idrac"
    public init() {}

    public func matches(_ root: ServiceRoot) -> Bool { root.mentions(["Dell", "iDRAC"]) }

    public func bootProgress(of system: ComputerSystem) -> String? {
        if system.bootProgressLastState == "OEM", let oem = system.bootProgressOemLastState { return oem }
        return system.bootProgressLastState
    }

    public func health(of system: ComputerSystem) -> String? {
        let dell = system.oem["Dell"]["DellSystem"]
        return system.status.healthRollup ?? system.status.health ?? dell["CurrentRollupStatus"].text
            ?? dell["SystemHealthRollupStatus"].text
    }

    public func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint? {
        KVMEndpoint(kind: .webPage, url: address.url("/console"))
    }
}
