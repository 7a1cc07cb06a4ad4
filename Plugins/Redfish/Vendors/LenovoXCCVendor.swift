/// Lenovo XClarity Controller: standard Redfish for power, boot and boot progress; the
/// remote console is launched from the XCC web interface.
public struct LenovoXCCVendor: RedfishVendor {
    public let id = "lenovo-xcc"
    public init() {}

    public func matches(_ root: ServiceRoot) -> Bool { root.mentions(["Lenovo", "XClarity"]) }

    public func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint? {
        guard manager?.graphicalConsole?.serviceEnabled == true else { return nil }
        return KVMEndpoint(kind: .webPage, url: address.url("/"))
    }
}
