import Contracts
import Foundation
import Kernel
import KernelTesting
import LabTesting
import Testing
@testable import IPMISOL

/// The plugin against ipmi_sim driving a real QEMU VM (`Scripts/lab up --servers 1`): power
/// on boots it, off stops QEMU, reset reboots the guest, and SOL is the VM's shell.
@Suite(.serialized, .enabled(if: LabVM.isInstalled, "qemu-system-x86_64 or ipmi_sim is not installed (run Scripts/setup)"))
struct VMLabTests {
    let server = "lab-01"

    func yaml(_ lab: LabVM) -> String {
        """
        role: test
        plugins:
          - use: ipmi-sol
            with:
              servers:
                - {name: lab-01, host: 127.0.0.1, port: \(lab.ipmiPort), username: admin, passwordFile: \(lab.ipmiPasswordFile), timeoutSeconds: 5}
        """
    }

    /// Presses Enter every 2 s until a new `lab-01# ` prompt shows up after what `viewer` has so far.
    func awaitPrompt(_ viewer: ConsoleViewerClient, timeoutSeconds: Double) async throws {
        let mark = await viewer.received.count
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            try await viewer.type("\r")
            do {
                try await viewer.wait("the lab-01 prompt", timeoutSeconds: 2) { Self.after(mark, in: $0).contains("lab-01# ") }
                return
            } catch {
                continue
            }
        }
        throw LabFailure("no lab-01 prompt within \(timeoutSeconds) s; console tail: \(String((await viewer.text).suffix(300)).debugDescription)")
    }

    func shellAnswers(_ viewer: ConsoleViewerClient) async throws {
        let mark = await viewer.received.count
        try await viewer.type("echo $((6*7))\r")
        try await viewer.wait("42 from the VM's shell", timeoutSeconds: 15) { Self.after(mark, in: $0).contains("\r\n42\r\n") }
    }

    /// What arrived after the first `mark` bytes.
    static func after(_ mark: Int, in text: String) -> String {
        String(decoding: Array(text.utf8.dropFirst(mark)), as: UTF8.self)
    }

    func awaitPower(_ node: RoleRunner, _ state: Power.State, timeoutSeconds: Double) async throws {
        try await IPMISimulatorLab.waitUntil("power \(state)", timeoutSeconds: timeoutSeconds) {
            (try? await node.bus.ask(Power.Status(server: server)).state) == state
        }
    }

    @Test func powerAndConsoleDriveTheVM() async throws {
        try await LabVM.with { lab in
            try await TestNode.run(yaml(lab), plugins: [IPMISOLPlugin.self]) { node in
                #expect(try await node.bus.ask(Power.Status(server: server)).state == .on)
                let firstQEMU = try #require(lab.qemuPID, "the lab starts the VM powered on")

                let viewer = ConsoleViewerClient(try await node.bus.open(SerialConsole.Attach(server: server)))
                try await awaitPrompt(viewer, timeoutSeconds: 30)
                try await shellAnswers(viewer)

                // Reset reboots the guest inside the same QEMU process.
                let boots = await viewer.text.components(separatedBy: "LABVM: init started").count
                _ = try await node.bus.ask(Power.Set(server: server, action: .reset))
                try await viewer.wait("the guest rebooting", timeoutSeconds: 90) {
                    $0.components(separatedBy: "LABVM: init started").count > boots
                }
                #expect(lab.qemuPID == firstQEMU)
                try await awaitPrompt(viewer, timeoutSeconds: 60)
                try await shellAnswers(viewer)

                // Off stops QEMU.
                _ = try await node.bus.ask(Power.Set(server: server, action: .off))
                try await awaitPower(node, .off, timeoutSeconds: 30)
                try await IPMISimulatorLab.waitUntil("QEMU to exit", timeoutSeconds: 30) { lab.qemuPID == nil }

                // On boots a new QEMU; the shared console (kept open, or reopened) shows its shell.
                _ = try await node.bus.ask(Power.Set(server: server, action: .on))
                try await awaitPower(node, .on, timeoutSeconds: 30)
                try await IPMISimulatorLab.waitUntil("QEMU to start", timeoutSeconds: 30) { lab.qemuPID != nil }
                #expect(lab.qemuPID != firstQEMU)
                try await awaitPrompt(viewer, timeoutSeconds: 120)
                try await shellAnswers(viewer)
                await viewer.close()
            }
        }
    }
}
