import Contracts
import Foundation
import Kernel
import Testing

@testable import Redfish

/// Against hand-made mockup trees served by sushy-tools' `sushy-static` (GET only) over HTTPS.
@Suite(.timeLimit(.minutes(5))) struct MockupTests {
    @Test func dellIDRACIsDetectedWithItsOEMBootProgressHealthSensorsAndLog() async throws {
        let bmc = try SushyStatic(tree: IDRACMockup.tree)
        defer { bmc.stop() }
        let logs = CapturedLogs()
        let server = RedfishNode.server("r640", url: bmc.url, password: "idrac-password", certificate: bmc.certificate.certificate)
        let withIPMI = RedfishNode.server("r640-ipmi", url: bmc.url, password: "idrac-password", certificate: bmc.certificate.certificate, ipmi: true)
        try await RedfishNode.run(servers: [server, withIPMI], logs: logs) { node in
            let show = try await ask(node, RedfishMessages.SystemShow(server: "r640"))
            #expect(show.vendorHandler == "dell-idrac")
            #expect(show.serviceVendor == "Dell")
            #expect(show.bootProgress == "No bootable devices.")
            #expect(show.health == "Warning")
            #expect(show.model == "PowerEdge R640" && show.serialNumber == "CN7475154I0123")
            #expect(show.sku == nil && show.hostName == nil)  // a number and a null where strings belong
            #expect(show.manager?.firmwareVersion == "6.10.30.00")
            #expect(show.manager?.hostName == "idrac-r640.lab.example")
            #expect(show.manager?.macAddresses == ["D0:94:66:11:22:33"] && show.manager?.ipv4Addresses == ["192.0.2.10"])
            #expect(show.manager?.protocols["IPMI"] == NetworkService(enabled: true, port: 623))
            #expect(show.serialConsole.kind == .none)
            #expect(show.kvm == KVMEndpoint(kind: .webPage, url: "https://127.0.0.1:\(bmc.port)/console"))
            #expect(show.capabilities == [.redfish, .power, .boot, .eventLog])

            let fallback = try await ask(node, RedfishMessages.SystemShow(server: "r640-ipmi"))
            #expect(fallback.serialConsole == SerialConsoleEndpoint(kind: .ipmiSOL, source: "ipmi"))
            #expect(fallback.capabilities == [.ipmi, .redfish, .power, .boot, .eventLog, .serialIPMI])

            #expect(try await ask(node, BMC.Info(server: "r640")).firmware == "6.10.30.00")
            #expect(try await ask(node, Boot.Get(server: "r640")) == Boot.Setting(server: "r640", device: .none, persistent: false, uefi: true))

            let sensors = try await ask(node, RedfishMessages.Sensors(server: "r640"))
            #expect(sensors.source == "thermal-power" && sensors.chassis == IDRACMockup.chassis)
            #expect(sensors.readings.count == 7)
            #expect(sensors.readings.first { $0.name == "CPU1 Temp" }?.reading == 61)
            #expect(sensors.readings.first { $0.name == "System Board Fan2A" }?.reading == nil)
            #expect(sensors.readings.first { $0.kind == .power }?.reading == 236)

            let log = try await ask(node, SystemEventLog.List(server: "r640")).entries
            #expect(log.map(\.id) == [1, 2, 3])
            #expect(log[0].timestamp == 1_714_576_830)
            #expect(log[0].summary == "Warning: The system board fan 1 RPM is less than the lower warning threshold. [Fan]")
            #expect(log[1].timestamp == 1_714_559_100)
            #expect(log[2] == SystemEventLog.Entry(id: 3, timestamp: nil, summary: "OK: SEL9901"))

            #expect(try await ask(node, Power.Set(server: "r640", action: .soft)).action == .soft)
            let refused = try await askFailing(node, RedfishMessages.Reset(server: "r640", resetType: "GracefulRestart"))
            #expect(refused.code == "not-allowed" && refused.message.contains("PushPowerButton"))
        }
        // sushy-static answers the session POST with 204 and no token: HTTP Basic it is.
        #expect(logs.all.contains { $0.contains("using HTTP Basic") && $0.contains("no X-Auth-Token") })
        #expect(logs.all.contains { $0.contains("logged in to BMC") && $0.contains("vendor=dell-idrac") })
    }

    @Test func openBMCIsDetectedWithConsole0KVMActionInfoAndSensorsCollection() async throws {
        let bmc = try SushyStatic(tree: OpenBMCMockup.tree)
        defer { bmc.stop() }
        try await RedfishNode.run(servers: [RedfishNode.server("romulus", url: bmc.url, password: "0penBmc", certificate: bmc.certificate.certificate)]) { node in
            let show = try await ask(node, RedfishMessages.SystemShow(server: "romulus"))
            #expect(show.vendorHandler == "openbmc")
            #expect(show.bootProgress == "OSRunning")
            #expect(show.resetTypes == ["On", "ForceOff", "ForceOn", "ForceRestart", "GracefulRestart", "GracefulShutdown", "PowerCycle"])
            #expect(show.serialConsole == SerialConsoleEndpoint(kind: .openBMCWebSocket, url: "wss://127.0.0.1:\(bmc.port)/console0", interactive: true, source: "openbmc"))
            #expect(show.kvm == KVMEndpoint(kind: .rfbWebSocket, url: "wss://127.0.0.1:\(bmc.port)/kvm/0"))
            #expect(show.manager?.protocols["IPMI"]?.enabled == false)
            #expect(show.capabilities == [.redfish, .power, .boot, .serialRedfish, .vncWebSocket])
            #expect(try await ask(node, Boot.Get(server: "romulus")) == Boot.Setting(server: "romulus", device: .pxe, persistent: false, uefi: false))
            #expect(try await ask(node, Inventory.List()).servers.first?.capabilities == show.capabilities)

            let sensors = try await ask(node, RedfishMessages.Sensors(server: "romulus"))
            #expect(sensors.source == "sensors")
            #expect(sensors.readings.map(\.kind) == [.temperature, .fan, .power, .voltage])
            #expect(sensors.readings[0] == SensorReading(kind: .temperature, name: "ambient", reading: 24.5, units: "Cel", health: "OK", upperCritical: 40))

            // PowerCycle is allowed (through the ActionInfo), so cycle is one request.
            #expect(try await ask(node, Power.Set(server: "romulus", action: .cycle)).action == .cycle)
            let log = try await askFailing(node, SystemEventLog.List(server: "romulus"))
            #expect(log.code == "not-supported")
        }
    }

    @Test func serialConsoleWebSocketIsDiscoveredElseIPMIFallback() async throws {
        let bmc = try SushyStatic(tree: SerialConsoleMockup.tree)
        defer { bmc.stop() }
        let certificate = bmc.certificate.certificate
        try await RedfishNode.run(servers: [
            RedfishNode.server("web-01", url: bmc.url, password: "contoso-1", certificate: certificate, systemId: "web-01"),
            RedfishNode.server("web-02", url: bmc.url, password: "contoso-1", certificate: certificate, systemId: "2", ipmi: true),
            RedfishNode.server("web-02-no-ipmi", url: bmc.url, password: "contoso-1", certificate: certificate, systemId: "2"),
        ]) { node in
            let web1 = try await ask(node, RedfishMessages.SystemShow(server: "web-01"))
            #expect(web1.vendorHandler == "generic")
            #expect(web1.serialConsole == SerialConsoleEndpoint(kind: .redfishWebSocket, url: "wss://127.0.0.1:\(bmc.port)/consoles/host1", interactive: false, source: "system"))
            #expect(web1.capabilities == [.redfish, .serialRedfish])
            #expect(try await ask(node, Power.Status(server: "web-01")).state == .off)

            let web2 = try await ask(node, RedfishMessages.SystemShow(server: "web-02"))
            #expect(web2.systemPath == "/redfish/v1/Systems/2")
            #expect(web2.serialConsole.kind == .ipmiSOL)
            #expect(web2.capabilities == [.ipmi, .redfish, .serialIPMI])
            #expect(try await ask(node, RedfishMessages.SystemShow(server: "web-02-no-ipmi")).serialConsole.kind == .none)

            let power = try await askFailing(node, Power.Set(server: "web-01", action: .on))
            #expect(power.code == "not-supported" && power.message.contains("ComputerSystem.Reset"))
            let boot = try await askFailing(node, Boot.Get(server: "web-01"))
            #expect(boot.code == "not-supported")
        }
    }
}
