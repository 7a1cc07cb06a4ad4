import Foundation
import Testing
@testable import IPMISOL

/// Commands against a real ipmi_sim, compared with `ipmitool -I lanplus -C 3` on the same BMC.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct CommandPeerTests {

    func withClient(
        keepalive: Duration? = nil, _ body: (IPMISimulatorLab, IPMIClient) async throws -> Void
    ) async throws {
        try await IPMISimulatorLab.with { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port, keepalive: keepalive))
            do {
                try await body(lab, client)
                await client.close()
            } catch {
                await client.close()
                throw error
            }
        }
    }

    @Test func deviceIDMatchesIPMITool() async throws {
        try await withClient { lab, client in
            let id = try await client.deviceID()
            let fields = IPMITool.fields(try IPMITool.run(port: lab.port, ["mc", "info"]))
            #expect(fields["Device ID"] == "\(id.deviceID)")
            #expect(fields["Device Revision"] == "\(id.deviceRevision)")
            #expect(fields["Firmware Revision"] == id.firmwareRevision)
            #expect(fields["IPMI Version"] == id.ipmiVersion)
            #expect(fields["Manufacturer ID"] == "\(id.manufacturerID)")
            #expect(fields["Product ID"]?.hasPrefix("\(id.productID) ") == true)
            #expect(id.manufacturerID == 4753)
            let info = try #require(await client.sessionInfo)
            #expect(info.cipherSuite == .suite3)
            #expect(info.privilege == .administrator)
        }
    }

    @Test func chassisStatusMatchesIPMITool() async throws {
        try await withClient { lab, client in
            for on in [false, true] {
                try lab.setPower(on)
                let status = try await client.chassisStatus()
                let fields = IPMITool.fields(try IPMITool.run(port: lab.port, ["chassis", "status"]))
                #expect(status.isPowerOn == on)
                #expect(fields["System Power"] == (on ? "on" : "off"))
                #expect(fields["Power Overload"] == "\(status.powerOverload)")
                #expect(fields["Main Power Fault"] == "\(status.mainPowerFault)")
                #expect(fields["Power Restore Policy"] == "always-off")
                #expect(status.powerRestorePolicy == .alwaysOff)
            }
        }
    }

    @Test func powerActionsChangeThePowerStateIPMIToolSees() async throws {
        try await withClient { lab, client in
            try await client.chassisControl(.powerOn)
            #expect(lab.power)
            #expect(try IPMITool.run(port: lab.port, ["power", "status"]).contains("Chassis Power is on"))
            #expect(try await client.chassisStatus().isPowerOn)

            try await client.chassisControl(.powerOff)
            #expect(!lab.power)
            #expect(try IPMITool.run(port: lab.port, ["power", "status"]).contains("Chassis Power is off"))

            try await client.chassisControl(.powerOn)
            try await client.chassisControl(.softShutdown)
            #expect(!lab.power, "the chassis script turns soft shutdown into power off")

            try await client.chassisControl(.powerOn)
            try await client.chassisControl(.hardReset)
            let resets = try String(contentsOf: lab.powerFile.appendingPathExtension("resets"), encoding: .utf8)
            #expect(resets.split(separator: "\n").count == 1)

            try await client.chassisControl(.powerCycle)
            #expect(!lab.power, "power cycle powers off first")
            // ipmi_sim powers back on from a 1 s timer.
            try await IPMISimulatorLab.waitUntil("power back on after cycle", timeoutSeconds: 5) { lab.power }
            #expect(try await client.chassisStatus().isPowerOn)
        }
    }

    @Test func bootDeviceRoundTripsWithIPMITool() async throws {
        try await withClient { lab, client in
            try await client.setBootDevice(.pxe)
            #expect(try await client.bootOverride().device == .pxe)
            let pxe = try IPMITool.run(port: lab.port, ["chassis", "bootparam", "get", "5"])
            #expect(pxe.contains("Force PXE"), "\(pxe)")

            _ = try IPMITool.run(port: lab.port, ["chassis", "bootdev", "cdrom"])
            #expect(try await client.bootOverride().device == .cdrom)

            try await client.setBootDevice(.biosSetup, persistent: true, uefi: true)
            #expect(try await client.bootOverride().device == .biosSetup)
            try await client.setBootDevice(.disk)
            #expect(try await client.bootOverride().device == .disk)
            #expect(try IPMITool.run(port: lab.port, ["chassis", "bootparam", "get", "5"]).contains("Hard-Drive"))
        }
    }

    @Test func selListAndClearMatchIPMITool() async throws {
        try await withClient { lab, client in
            #expect(try await client.selEntries().isEmpty)
            for sensor in 1...3 {
                // Add SEL Entry: system event, generator 0x20, temperature sensor N, threshold event.
                _ = try IPMITool.run(port: lab.port, [
                    "raw", "0x0a", "0x44", "0x00", "0x00", "0x02", "0x00", "0x00", "0x00", "0x00",
                    "0x20", "0x00", "0x04", "0x01", "0x0\(sensor)", "0x01", "0x01", "0x02", "0x03",
                ])
            }
            let entries = try await client.selEntries()
            let info = try await client.selInfo()
            let toolInfo = IPMITool.fields(try IPMITool.run(port: lab.port, ["sel", "info"]))
            #expect(entries.count == 3)
            #expect(info.entryCount == 3)
            #expect(toolInfo["Entries"] == "3")
            let toolIDs = try IPMITool.run(port: lab.port, ["sel", "list"]).split(separator: "\n").compactMap {
                UInt16($0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? "", radix: 16)
            }
            #expect(entries.map(\.recordID) == toolIDs)
            #expect(entries.map(\.sensorNumber) == [1, 2, 3])
            #expect(entries.allSatisfy { $0.isSystemEvent && $0.sensorType == 0x01 && $0.eventData == [0x01, 0x02, 0x03] })

            try await client.clearSEL()
            #expect(try await client.selEntries().isEmpty)
            #expect(IPMITool.fields(try IPMITool.run(port: lab.port, ["sel", "info"]))["Entries"] == "0")
        }
    }

    @Test func keepaliveRunsWhileIdleOnTheSameSession() async throws {
        try await withClient(keepalive: .milliseconds(300)) { _, client in
            _ = try await client.deviceID()
            let before = try #require(await client.sessionInfo)
            try await IPMISimulatorLab.waitUntil("two keepalives", timeoutSeconds: 5) {
                await client.statistics.keepalivesSent >= 2
            }
            #expect(await client.sessionInfo == before)
            #expect(await client.statistics.sessionsEstablished == 1)
        }
    }

    @Test func reconnectsWhenTheBMCDropsTheSession() async throws {
        try await IPMISimulatorLab.with { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port, timeout: .milliseconds(600), attempts: 3))
            _ = try await client.deviceID()
            let first = try #require(await client.sessionInfo)
            // Another administrator closes our session on the BMC (Close Session with our ID).
            var id: [UInt8] = []
            id.appendLittleEndian(first.managedSystemSessionID)
            _ = try IPMITool.run(port: lab.port, ["raw", "0x06", "0x3c"] + id.map { "0x" + String($0, radix: 16) })
            let status = try await client.chassisStatus()
            #expect(status.isPowerOn == lab.power)
            let second = try #require(await client.sessionInfo)
            #expect(second.managedSystemSessionID != first.managedSystemSessionID)
            #expect(await client.statistics.sessionsEstablished == 2)
            await client.close()
        }
    }

    @Test func measureSessionSetupAndRoundTrip() async throws {
        try await withClient { _, client in
            let clock = ContinuousClock()
            let setup = try await clock.measure { try await client.connect() }
            let rounds = 50
            let total = try await clock.measure {
                for _ in 0..<rounds { _ = try await client.deviceID() }
            }
            print("MEASURE session setup (suite 3, incl. cipher listing): \(setup)")
            print("MEASURE Get Device ID round trip: \(total / rounds) (avg of \(rounds))")
            #expect(setup < .seconds(2))
        }
    }
}
