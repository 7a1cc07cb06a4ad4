/// The quirks of one BMC vendor. Every requirement has a default (the standard Redfish
/// behaviour), so a vendor file overrides only what differs.
///
/// Adding a vendor: a new `Vendors/<Name>Vendor.swift` with a type conforming to this
/// protocol, and one line in ``RedfishVendors/all``.
public protocol RedfishVendor: Sendable {
    /// Stable name shown in `redfish.system.show` (`dell-idrac`).
    var id: String { get }
    /// Whether this handler is for the service described by `root` (its `Vendor`, `Product`
    /// or `Oem` keys).
    func matches(_ root: ServiceRoot) -> Bool
    /// The boot progress of a system, from `BootProgress` or an OEM field.
    func bootProgress(of system: ComputerSystem) -> String?
    /// The overall health of a system.
    func health(of system: ComputerSystem) -> String?
    /// Steps after a successful login, with the authenticated session.
    func afterLogin(_ session: any RedfishResourceReader) async throws(RedfishError)
    /// Where the BMC's KVM console is.
    func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint?
    /// A vendor-specific serial console, used when the standard `SerialConsole.WebSocket` is absent.
    func serialConsole(at address: BMCAddress, system: ComputerSystem, manager: Manager?) -> SerialConsoleEndpoint?
}

extension RedfishVendor {
    public func bootProgress(of system: ComputerSystem) -> String? {
        guard let last = system.bootProgressLastState else { return nil }
        if last == "OEM", let oem = system.bootProgressOemLastState { return "OEM: \(oem)" }
        return last
    }

    public func health(of system: ComputerSystem) -> String? { system.status.healthRollup ?? system.status.health }

    public func afterLogin(_ session: any RedfishResourceReader) async throws(RedfishError) {}

    public func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint? { nil }

    public func serialConsole(at address: BMCAddress, system: ComputerSystem, manager: Manager?) -> SerialConsoleEndpoint? { nil }
}
