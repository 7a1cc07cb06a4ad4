import Contracts
import Foundation
import Kernel
import KernelTesting
import Testing
@testable import IPMISOL

/// Power, boot, BMC info and the event log through the bus, against ipmi_sim, compared with
/// what `ipmitool -I lanplus -C 3` sees on the same BMC.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct PluginCommandTests {
    let server = PluginHarness.server

    @Test func inventoryListsTheServerWithItsCapabilities() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                let reply = try await node.bus.ask(Inventory.List(), to: .exactly(Address(instance: "ipmi-sol", node: "test")))
                #expect(reply.servers == [
                    Inventory.Server(id: server, capabilities: [.ipmi, .power, .boot, .eventLog, .serialIPMI], managedBy: "ipmi-sol"),
                ])
            }
        }
    }

    @Test func powerThroughTheBusMatchesTheBMC() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                #expect(try await node.bus.ask(Power.Status(server: server)).state == .off)
                #expect(try await node.bus.ask(Power.Set(server: server, action: .on)) == .init(server: server, action: .on))
                #expect(lab.power)
                #expect(try IPMITool.run(port: lab.port, ["power", "status"]).contains("Chassis Power is on"))
                #expect(try await node.bus.ask(Power.Status(server: server)).state == .on)
                _ = try await node.bus.ask(Power.Set(server: server, action: .reset))
                let resets = try String(contentsOf: lab.powerFile.appendingPathExtension("resets"), encoding: .utf8)
                #expect(resets.split(separator: "\n").count == 1)
                _ = try await node.bus.ask(Power.Set(server: server, action: .soft))
                #expect(!lab.power)
                _ = try await node.bus.ask(Power.Set(server: server, action: .on))
                _ = try await node.bus.ask(Power.Set(server: server, action: .off))
                #expect(!lab.power)
                #expect(try IPMITool.run(port: lab.port, ["power", "status"]).contains("Chassis Power is off"))
                #expect(try await node.bus.ask(Power.Status(server: server)).state == .off)
            }
        }
    }

    @Test func bootDeviceRoundTripsAndIPMIToolAgrees() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                let pxe = try await node.bus.ask(Boot.Set(server: server, device: .pxe))
                #expect(pxe.device == .pxe && !pxe.persistent)
                #expect(try IPMITool.run(port: lab.port, ["chassis", "bootparam", "get", "5"]).contains("Force PXE"))
                _ = try IPMITool.run(port: lab.port, ["chassis", "bootdev", "cdrom"])
                #expect(try await node.bus.ask(Boot.Get(server: server)).device == .cdrom)
                // ipmi_sim keeps only the device selector (it drops the valid, persistent and EFI
                // flags, ipmitool shows "Boot Flag Invalid"); the reply is what the BMC reports.
                let bios = try await node.bus.ask(Boot.Set(server: server, device: .bios, persistent: true, uefi: true))
                #expect(bios.device == .bios)
                #expect(try IPMITool.run(port: lab.port, ["chassis", "bootparam", "get", "5"]).contains("Force Boot into BIOS Setup"))
                _ = try await node.bus.ask(Boot.Set(server: server, device: .disk))
                #expect(try IPMITool.run(port: lab.port, ["chassis", "bootparam", "get", "5"]).contains("Force Boot from default Hard-Drive"))
            }
        }
    }

    @Test func bmcInfoMatchesIPMIToolMcInfo() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                let info = try await node.bus.ask(BMC.Info(server: server))
                let fields = IPMITool.fields(try IPMITool.run(port: lab.port, ["mc", "info"]))
                let manufacturer = try #require(fields["Manufacturer ID"])
                #expect(info.manufacturer.hasSuffix("(IANA \(manufacturer))"))
                #expect(info.manufacturer.hasPrefix("MontaVista"))
                let product = try #require(fields["Product ID"])
                #expect(product.hasSuffix("(\(info.product.prefix(6)))"), "\(product) vs \(info.product)")
                #expect(info.firmware == fields["Firmware Revision"])
                #expect(info.protocolVersion == fields["IPMI Version"])
                #expect(info.server == server)
            }
        }
    }

    @Test func eventLogListAndClearMatchIPMITool() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                #expect(try await node.bus.ask(SystemEventLog.List(server: server)).entries.isEmpty)
                for (sensor, offset) in [(1, 1), (2, 7), (3, 9)] {
                    _ = try IPMITool.run(port: lab.port, [
                        "raw", "0x0a", "0x44", "0x00", "0x00", "0x02", "0x00", "0x00", "0x00", "0x00",
                        "0x20", "0x00", "0x04", "0x01", "0x0\(sensor)", "0x01", "0x0\(offset)", "0xff", "0xff",
                    ])
                }
                let entries = try await node.bus.ask(SystemEventLog.List(server: server)).entries
                let tool = try IPMITool.run(port: lab.port, ["sel", "list"]).split(separator: "\n").map {
                    $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                #expect(entries.count == 3 && tool.count == 3)
                for (entry, row) in zip(entries, tool) {
                    #expect(Int(row[0], radix: 16) == entry.id)
                    // ipmitool: id | date | time | sensor | event | direction
                    #expect(entry.summary == row[3...5].joined(separator: " | "), "\(entry.summary) vs \(row)")
                    #expect(entry.timestamp != nil)
                }
                _ = try await node.bus.ask(SystemEventLog.Clear(server: server))
                #expect(try await node.bus.ask(SystemEventLog.List(server: server)).entries.isEmpty)
                #expect(IPMITool.fields(try IPMITool.run(port: lab.port, ["sel", "info"]))["Entries"] == "0")
            }
        }
    }

    @Test func errorsCarryStableCodes() async throws {
        try await IPMISimulatorLab.with { lab in
            let wrong = try PluginHarness.passwordFile(lab, "not-the-password")
            let yaml = PluginHarness.yaml(port: lab.port, passwordFile: wrong)
            try await TestNode.run(yaml, plugins: [IPMISOLPlugin.self, TakeoverRecorder.self]) { node in
                await #expect(throws: BusError.remote(code: "not-found", message: IPMISOLError.unknownServer("nope", known: [server]).message)) {
                    _ = try await node.bus.ask(Power.Status(server: "nope"))
                }
                do {
                    _ = try await node.bus.ask(Power.Status(server: server))
                    Issue.record("a wrong password must fail")
                } catch BusError.remote(let code, let message) {
                    #expect(code == "bmc-wrong-password")
                    #expect(message.contains(server) && message.contains("wrong password"), "\(message)")
                }
                // The password file is read again after a login failure: fixing it is enough.
                try "password\n".write(toFile: wrong, atomically: true, encoding: .utf8)
                #expect(try await node.bus.ask(Power.Status(server: server)).state == .off)
            }
        }
    }

    @Test func silentBMCFailsWithinTheTimeout() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipmi-silent-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pw").path
        try "password".write(toFile: file, atomically: true, encoding: .utf8)
        let yaml = PluginHarness.yaml(port: FreePort.findUDP(), passwordFile: file, timeoutSeconds: 1)
        try await TestNode.run(yaml, plugins: [IPMISOLPlugin.self, TakeoverRecorder.self]) { node in
            let clock = ContinuousClock()
            let start = clock.now
            await #expect {
                _ = try await node.bus.ask(Power.Status(server: server))
            } throws: { error in
                guard case BusError.remote(let code, _) = error else { return false }
                return code == "bmc-not-answering"
            }
            #expect(clock.now - start < .seconds(3))
        }
    }
}
