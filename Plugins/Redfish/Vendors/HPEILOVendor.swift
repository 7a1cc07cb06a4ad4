/// HPE iLO: POST progress in `Oem.Hpe.PostState` (iLO 5 and later) or `Oem.Hp.PostState`
/// (iLO 4): `PowerOff`, `InPost`, `InPostDiscoveryComplete`, `FinishedPost`...
public struct HPEILOVendor: RedfishVendor {
    public let id = "hpe-ilo"
    public init() {}

    public func matches(_ root: ServiceRoot) -> Bool {
        root.vendor?.uppercased() == "HPE" || root.oemKeys.contains("Hpe") || root.oemKeys.contains("Hp")
            || root.product?.contains("iLO") == true
    }

    public func bootProgress(of system: ComputerSystem) -> String? {
        if let standard = system.bootProgressLastState, standard != "None" { return standard }
        return system.oem["Hpe"]["PostState"].text ?? system.oem["Hp"]["PostState"].text ?? system.bootProgressLastState
    }

    public func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint? {
        KVMEndpoint(kind: .webPage, url: address.url("/irc.html"))
    }
}
