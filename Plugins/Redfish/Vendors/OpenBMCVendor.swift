/// OpenBMC (bmcweb): the host console is the `/console0` WebSocket and the KVM is RFB over
/// the `/kvm/0` WebSocket, both authenticated with the Redfish session.
public struct OpenBMCVendor: RedfishVendor {
    public let id = "openbmc"
    public init() {}

    public func matches(_ root: ServiceRoot) -> Bool { root.mentions(["OpenBMC", "OpenBmc"]) }

    public func serialConsole(at address: BMCAddress, system: ComputerSystem, manager: Manager?) -> SerialConsoleEndpoint? {
        SerialConsoleEndpoint(kind: .openBMCWebSocket, url: address.webSocketURL("/console0"), interactive: true, source: id)
    }

    public func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint? {
        guard manager?.graphicalConsole?.serviceEnabled != false else { return nil }
        return KVMEndpoint(kind: .rfbWebSocket, url: address.webSocketURL("/kvm/0"))
    }
}
