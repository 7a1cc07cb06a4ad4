import Contracts
import Foundation
import Redfish

/// Feeds arbitrary bytes through every Redfish decoding path: parse, then read the document
/// as each resource kind and run the pure logic over it. Bad input must throw, never trap.
enum FuzzDecoding {
    static let address = try? BMCAddress(parsing: "https://127.0.0.1:8443")

    static func run(_ bytes: Data) {
        guard let json = try? RedfishJSON.parse(bytes, source: "fuzz") else { return }
        let root = ServiceRoot(json: json)
        let vendor = RedfishVendors.select(for: root)
        let system = ComputerSystem(json: json, path: "/redfish/v1/Systems/1")
        let manager = Manager(json: json, path: "/redfish/v1/Managers/1")
        let network = ManagerNetworkProtocol(json: json)
        _ = vendor.bootProgress(of: system)
        _ = vendor.health(of: system)
        _ = ResourceCollection(json: json).memberPaths
        _ = Chassis(json: json, path: "/redfish/v1/Chassis/1")
        _ = EthernetInterface(json: json)
        _ = LogService(json: json, path: "/redfish/v1/Systems/1/LogServices/SEL")
        _ = EventLogMapping.entry(LogEntry(json: json), position: 1)
        for member in json["Members"].elements { _ = EventLogMapping.entry(LogEntry(json: member), position: 2) }
        _ = SensorParsing.thermal(json) + SensorParsing.power(json) + [SensorParsing.sensor(json)]
        _ = ResetAction.allowableValues(fromActionInfo: json)
        _ = RedfishErrorBody.message(from: bytes)
        if let boot = system.boot {
            _ = try? BootMapping.setting(of: boot, server: "fuzz")
            _ = try? BootMapping.patchBody(for: Boot.Set(server: "fuzz", device: .pxe, persistent: true, uefi: true), current: boot, server: "fuzz")
        }
        if let reset = system.reset {
            for action in Power.Action.allCases { _ = try? ResetPlan.make(for: action, allowed: reset.allowableValues, server: "fuzz") }
        }
        if let address {
            let console = ConsoleDiscovery.discover(address: address, system: system, manager: manager, vendor: vendor, ipmiConfigured: true)
            let kvm = vendor.kvm(at: address, manager: manager)
            _ = CapabilityDetection.detect(system: system, manager: manager, network: network, console: console, kvm: kvm, ipmiConfigured: false)
            if let uri = json["ConsoleURI"].string { _ = address.samePath(uri) }
        }
    }
}
