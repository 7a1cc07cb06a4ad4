import Foundation
import Contracts
import Testing

@testable import Redfish

/// The pure decisions: reset plans, boot PATCH bodies, consoles, capabilities, vendors.
@Suite struct LogicTests {
    let sushyAllowed = ["On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart", "Nmi", "ForceOn"]

    @Test func powerActionsMapToResetTypes() throws {
        let all = sushyAllowed + ["PowerCycle"]
        #expect(try ResetPlan.make(for: .on, allowed: all, server: "s") == .single("On"))
        #expect(try ResetPlan.make(for: .off, allowed: all, server: "s") == .single("ForceOff"))
        #expect(try ResetPlan.make(for: .cycle, allowed: all, server: "s") == .single("PowerCycle"))
        #expect(try ResetPlan.make(for: .reset, allowed: all, server: "s") == .single("ForceRestart"))
        #expect(try ResetPlan.make(for: .soft, allowed: all, server: "s") == .single("GracefulShutdown"))
        #expect(try ResetPlan.make(for: .cycle, allowed: sushyAllowed, server: "s") == .offThenOn(off: "ForceOff", on: "On"))
        #expect(try ResetPlan.make(for: .on, allowed: ["ForceOn"], server: "s") == .single("ForceOn"))
        #expect(try ResetPlan.make(for: .cycle, allowed: nil, server: "s") == .single("PowerCycle"))
    }

    @Test func aDisallowedActionNamesWhatIsAllowed() {
        #expect {
            try ResetPlan.make(for: .soft, allowed: ["On", "ForceOff"], server: "web-01")
        } throws: { error in
            (error as? RedfishError)?.message == "web-01: the BMC does not allow power soft as ResetType GracefulShutdown; it allows On, ForceOff"
        }
        #expect(throws: RedfishError.self) { try ResetPlan.make(for: .cycle, allowed: ["On"], server: "s") }
        #expect(throws: RedfishError.self) { try ResetPlan.check("Bogus", allowed: sushyAllowed, server: "s") }
        #expect(throws: Never.self) { try ResetPlan.check("Bogus", allowed: nil, server: "s") }
    }

    @Test func bootPatchBodiesFollowTheRequestAndTheSystem() throws {
        let uefiCapable = BootOverride(json: .object([
            "BootSourceOverrideMode": .string("UEFI"),
            "BootSourceOverrideTarget@Redfish.AllowableValues": .array([.string("Pxe"), .string("Hdd")]),
        ]))
        let once = try BootMapping.patchBody(for: Boot.Set(server: "s", device: .pxe, persistent: false, uefi: false), current: uefiCapable, server: "s")
        #expect(once == .object(["Boot": .object([
            "BootSourceOverrideTarget": .string("Pxe"), "BootSourceOverrideEnabled": .string("Once"), "BootSourceOverrideMode": .string("Legacy"),
        ])]))
        let noModes = BootOverride(json: .object([:]))
        let continuous = try BootMapping.patchBody(for: Boot.Set(server: "s", device: .bios, persistent: true, uefi: true), current: noModes, server: "s")
        #expect(continuous == .object(["Boot": .object(["BootSourceOverrideTarget": .string("BiosSetup"), "BootSourceOverrideEnabled": .string("Continuous")])]))
        let off = try BootMapping.patchBody(for: Boot.Set(server: "s", device: .none), current: uefiCapable, server: "s")
        #expect(off == .object(["Boot": .object(["BootSourceOverrideTarget": .string("None"), "BootSourceOverrideEnabled": .string("Disabled")])]))
        #expect(throws: RedfishError.self) {
            try BootMapping.patchBody(for: Boot.Set(server: "s", device: .cdrom), current: uefiCapable, server: "s")
        }
    }

    @Test func bootSettingsReadBack() throws {
        func setting(_ fields: [String: String]) throws -> Boot.Setting {
            try BootMapping.setting(of: BootOverride(json: .object(fields.mapValues { .string($0) })), server: "s")
        }
        #expect(try setting(["BootSourceOverrideEnabled": "Continuous", "BootSourceOverrideTarget": "Hdd", "BootSourceOverrideMode": "UEFI"])
            == Boot.Setting(server: "s", device: .disk, persistent: true, uefi: true))
        #expect(try setting(["BootSourceOverrideEnabled": "Disabled", "BootSourceOverrideTarget": "Pxe"]).device == .none)
        #expect(try setting([:]).device == .none)
        #expect(throws: RedfishError.self) { try setting(["BootSourceOverrideEnabled": "Once", "BootSourceOverrideTarget": "Usb"]) }
    }

    @Test func powerStates() {
        #expect(PowerStateMapping.state("On") == .on && PowerStateMapping.state("Paused") == .on)
        #expect(PowerStateMapping.state("Off") == .off)
        #expect(PowerStateMapping.state("PoweringOn") == .unknown && PowerStateMapping.state(nil) == .unknown)
    }

    @Test func vendorsAreChosenFromTheServiceRoot() {
        func vendor(_ root: [String: JSONValue]) -> String { RedfishVendors.select(for: ServiceRoot(json: .object(root))).id }
        #expect(vendor(["Vendor": .string("Dell")]) == "dell-idrac")
        #expect(vendor(["Oem": .object(["Dell": .object([:])])]) == "dell-idrac")
        #expect(vendor(["Vendor": .string("HPE")]) == "hpe-ilo")
        #expect(vendor(["Oem": .object(["Hp": .object([:])])]) == "hpe-ilo")
        #expect(vendor(["Vendor": .string("Supermicro")]) == "supermicro")
        #expect(vendor(["Vendor": .string("Lenovo")]) == "lenovo-xcc")
        #expect(vendor(["Vendor": .string("OpenBMC")]) == "openbmc")
        #expect(vendor(["Vendor": .string("Contoso"), "Product": .string("Phone")]) == "generic")
        #expect(vendor([:]) == "generic")
    }

    @Test func hpePostStateIsTheBootProgress() {
        let hpe = HPEILOVendor()
        let iLO5 = ComputerSystem(json: .object(["Oem": .object(["Hpe": .object(["PostState": .string("InPostDiscoveryComplete")])])]), path: "/s")
        #expect(hpe.bootProgress(of: iLO5) == "InPostDiscoveryComplete")
        let iLO4 = ComputerSystem(json: .object(["Oem": .object(["Hp": .object(["PostState": .string("FinishedPost")])])]), path: "/s")
        #expect(hpe.bootProgress(of: iLO4) == "FinishedPost")
        #expect(GenericVendor().bootProgress(of: iLO5) == nil)
        let standard = ComputerSystem(json: .object(["BootProgress": .object(["LastState": .string("OEM"), "OemLastState": .string("x")])]), path: "/s")
        #expect(GenericVendor().bootProgress(of: standard) == "OEM: x")
        #expect(DellIDRACVendor().bootProgress(of: standard) == "x")
    }

    @Test func consoleDiscoveryPrefersStandardThenVendorThenIPMI() throws {
        let address = try BMCAddress(parsing: "https://bmc.example:8443")
        let socket = JSONValue.object(["SerialConsole": .object(["WebSocket": .object(["ServiceEnabled": .bool(true), "ConsoleURI": .string("/ws/console")])])])
        let plain = ComputerSystem(json: .object([:]), path: "/s")
        let withSocket = ComputerSystem(json: socket, path: "/s")
        let manager = Manager(json: socket, path: "/m")
        #expect(ConsoleDiscovery.discover(address: address, system: withSocket, manager: nil, vendor: OpenBMCVendor(), ipmiConfigured: true)
            == SerialConsoleEndpoint(kind: .redfishWebSocket, url: "wss://bmc.example:8443/ws/console", interactive: true, source: "system"))
        #expect(ConsoleDiscovery.discover(address: address, system: plain, manager: manager, vendor: GenericVendor(), ipmiConfigured: false).source == "manager")
        #expect(ConsoleDiscovery.discover(address: address, system: plain, manager: nil, vendor: OpenBMCVendor(), ipmiConfigured: true).kind == .openBMCWebSocket)
        #expect(ConsoleDiscovery.discover(address: address, system: plain, manager: nil, vendor: GenericVendor(), ipmiConfigured: true).kind == .ipmiSOL)
        #expect(ConsoleDiscovery.discover(address: address, system: plain, manager: nil, vendor: GenericVendor(), ipmiConfigured: false).kind == .none)
    }

    @Test func capabilitiesFollowWhatTheBMCReports() {
        let system = ComputerSystem(json: .object([
            "Actions": .object(["#ComputerSystem.Reset": .object(["target": .string("/r")])]), "Boot": .object([:]),
            "LogServices": .object(["@odata.id": .string("/l")]),
        ]), path: "/s")
        let network = ManagerNetworkProtocol(json: .object(["RFB": .object(["ProtocolEnabled": .bool(true)])]))
        let all = CapabilityDetection.detect(
            system: system, manager: nil, network: network, console: SerialConsoleEndpoint(kind: .redfishWebSocket),
            kvm: KVMEndpoint(kind: .rfbWebSocket, url: "wss://x/kvm/0"), ipmiConfigured: true)
        #expect(all == Inventory.Capability.allCases)
        let bare = CapabilityDetection.detect(
            system: ComputerSystem(json: .object([:]), path: "/s"), manager: nil, network: nil, console: SerialConsoleEndpoint(kind: .none),
            kvm: KVMEndpoint(kind: .webPage, url: "https://x/"), ipmiConfigured: false)
        #expect(bare == [.redfish])
    }

    @Test func bmcAddressesAreBareHTTPSURLs() throws {
        #expect(try BMCAddress(parsing: "https://10.1.2.3").description == "https://10.1.2.3:443")
        #expect(try BMCAddress(parsing: "https://[::1]:8443/redfish/v1/").url("/redfish/v1/Systems") == "https://[::1]:8443/redfish/v1/Systems")
        for bad in ["http://bmc", "https://admin:pw@bmc", "https://bmc/other", "bmc.example", "https://bmc?x=1", "https://bmc:0"] {
            #expect(throws: BMCAddressError.self, "\(bad)") { try BMCAddress(parsing: bad) }
        }
        let address = try BMCAddress(parsing: "https://bmc.example:8443")
        #expect(address.samePath("/redfish/v1/SessionService/Sessions/7") == "/redfish/v1/SessionService/Sessions/7")
        #expect(address.samePath("https://BMC.example:8443/redfish/v1/SessionService/Sessions/7") == "/redfish/v1/SessionService/Sessions/7")
        #expect(address.samePath("https://elsewhere.example:8443/redfish/v1/SessionService/Sessions/7") == nil)
        #expect(address.samePath("https://bmc.example/redfish/v1/SessionService/Sessions/7") == nil)
    }

    @Test func sessionLoginAnswersAreInterpreted() throws {
        let address = try BMCAddress(parsing: "https://bmc.example")
        func answer(_ status: Int, _ headers: [(String, String)] = [], _ body: String = "") throws -> SessionLogin.Result {
            try SessionLogin.interpret(HTTPResponseData(status: status, headers: headers, body: Data(body.utf8)), address: address, server: "s", request: "POST /s")
        }
        #expect(try answer(201, [("x-auth-token", "t0k"), ("Location", "https://bmc.example/redfish/v1/SessionService/Sessions/9")])
            == .session(.session(token: "t0k", location: "/redfish/v1/SessionService/Sessions/9")))
        #expect(try answer(200, [("X-Auth-Token", "t0k")], #"{"@odata.id": "/redfish/v1/SessionService/Sessions/3"}"#)
            == .session(.session(token: "t0k", location: "/redfish/v1/SessionService/Sessions/3")))
        #expect(try answer(201, [("X-Auth-Token", "t0k"), ("Location", "https://evil.example/x")]) == .session(.session(token: "t0k", location: nil)))
        #expect(try answer(204) == .fallBackToBasic(reason: "the session answer carried no X-Auth-Token"))
        #expect(try answer(405) == .fallBackToBasic(reason: "the BMC answered HTTP 405 to the session login"))
        #expect(throws: RedfishError.authenticationFailed(server: "s", status: 401)) { try answer(401) }
        #expect(throws: RedfishError.self) { try answer(500, [], #"{"error": {"message": "busy"}}"#) }
        #expect(Authentication.session(token: "secret-token", location: "/x").description == "session /x")
    }
}
