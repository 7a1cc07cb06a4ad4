import Contracts
import Foundation
import Kernel
import KernelTesting
import RFB
import Testing
import VNCTCP
import VNCTesting

/// vnc-tcp against the real peer: the lab's test VM in QEMU (ports 5970-5971), vncdotool as
/// the viewer on a local TCP port bridged to the bus stream.
@Suite(.serialized, .enabled(if: TestVM.isAvailable && VNCViewerTool.isAvailable, "needs QEMU, the lab VM image and vncdotool"),
       .timeLimit(.minutes(5)))
struct QEMUVNCTCPTests {
    static func attach(_ node: RoleRunner, _ server: String) -> @Sendable () async throws -> Duplex {
        { try await node.bus.open(GraphicalConsole.Attach(server: server)) }
    }

    @Test func qemuWithoutAuthentication() async throws {
        try await TestVM.with(name: "vnc-tcp-none", vncPort: 5970) { vm in
            let yaml = TestYAML.vncTCP(["{name: lab-01, host: 127.0.0.1, port: \(vm.vncPort)}"])
            try await TestNode.run(yaml, plugins: [VNCTCPPlugin.self]) { node in
                try await DuplexTCPBridge.run(open: Self.attach(node, "lab-01")) { port, bridge in
                    let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: nil)
                    #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
                    #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")
                    #expect(comparison.foreground > 1000, "the capture shows the shell: \(comparison)")

                    // Two sessions at once; breaking one leaves the other working.
                    let broken = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
                    _ = try await broken.handshake()
                    try? await broken.send([0x42, 1, 2, 3])
                    let ending = await broken.readToEnd()
                    #expect("\(String(describing: ending.error))".contains("viewer-protocol-error"), "\(String(describing: ending.error))")

                    let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
                    #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
                    print("vnc-tcp none: \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")
                    #expect(bridge.streamEndings.allSatisfy { $0 == nil }, "\(bridge.streamEndings)")
                }
            }
        }
    }

    @Test func qemuWithVNCPasswordAndAWrongOneThatNeverLeaks() async throws {
        let logs = CapturedLogs.shared
        let password = "k7Qz-9wX"
        let wrong = "Wr0ng-pw"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vnc-pw-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((wrong + "\n").utf8).write(to: directory.appendingPathComponent("wrong.pass"))

        try await TestVM.with(name: "vnc-tcp-pw", vncPort: 5971, password: password) { vm in
            let yaml = TestYAML.vncTCP([
                "{name: lab-01, host: 127.0.0.1, port: \(vm.vncPort), password: '${LAB01_VNC_PASSWORD}'}",
                "{name: lab-02, host: 127.0.0.1, port: \(vm.vncPort), passwordFile: wrong.pass}",
            ])
            try await TestNode.run(yaml, plugins: [VNCTCPPlugin.self], environment: ["LAB01_VNC_PASSWORD": password],
                                   baseDirectory: directory) { node in
                try await DuplexTCPBridge.run(open: Self.attach(node, "lab-01")) { port, _ in
                    let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: password)
                    #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
                    #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")
                    let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
                    #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
                    print("vnc-tcp password: \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")
                }

                // The wrong password: the viewer sees why, in RFB and on the stream.
                let refusal = try await Refusal.expectRefused(try await node.bus.open(GraphicalConsole.Attach(server: "lab-02")))
                #expect(refusal.reason.hasPrefix("bmc-auth-failed: the BMC of lab-02 rejected the VNC password"), "\(refusal.reason)")
                #expect(Refusal.code(refusal.error) == "bmc-auth-failed")

                // vncdotool through the chain reports the failure too.
                try await DuplexTCPBridge.run(open: Self.attach(node, "lab-02")) { port, _ in
                    let outcome = try await VNCViewerTool.vncdo(port: port, ["capture", vm.directory.appendingPathComponent("never.png").path])
                    #expect(outcome.status != 0)
                    #expect(outcome.output.contains("bmc-auth-failed"), "\(outcome.output)")
                    #expect(!outcome.output.contains(wrong) && !outcome.output.contains(password))
                }

                let texts = logs.all + [refusal.reason, "\(String(describing: refusal.error))", String(decoding: refusal.received, as: UTF8.self)]
                #expect(logs.all.contains { $0.contains("bmc-auth-failed") }, "the failure is logged")
                for secret in [password, wrong] {
                    #expect(!texts.contains { $0.contains(secret) }, "a password appeared in a log line, an error or the stream")
                }
            }
        }
    }
}
