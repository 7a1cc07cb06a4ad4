import Foundation
import KernelTesting
import Testing
import VNCTesting

/// Issue 8's acceptance through real processes: vncdotool on the CLI's `server vnc --listen`
/// port, through the gateway's `/console/vnc` WebSocket, the gRPC link (LZ4 negotiated) and
/// the agent's `vnc-tcp`, to QEMU's VNC server (ports 5976-5977).
@Suite(.serialized, .enabled(if: TestVM.isAvailable && VNCViewerTool.isAvailable, "needs QEMU, the lab VM image and vncdotool"),
       .timeLimit(.minutes(6)))
struct GatewayChainProcessTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vnc-chain-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Waits until a capture through `port` works (the gateway's routing learns the agent's
    /// servers within its refresh): at most 30 attempts.
    static func waitUntilViewable(port: Int, vm: TestVM) async throws {
        var last = ""
        for attempt in 0..<30 {
            let outcome = try await VNCViewerTool.vncdo(port: port, ["capture", vm.directory.appendingPathComponent("probe-\(attempt).png").path])
            if outcome.status == 0 { return }
            last = outcome.output
            try await Task.sleep(for: .milliseconds(500))
        }
        throw ChainFailure("no capture through port \(port): \(last.suffix(500))")
    }

    @Test func qemuWithoutAuthenticationThroughCLIGatewayAndAgentProcesses() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await TestVM.with(name: "vnc-chain-none", vncPort: 5976) { vm in
            try await TetherChain.run(servers: ["{name: lab-01, host: 127.0.0.1, port: \(vm.vncPort)}"], directory: directory) { chain in
                let port = FreePort.find()
                let cli = try await chain.vncListener(server: "lab-01", port: port)
                defer { cli.terminate() }
                try await Self.waitUntilViewable(port: port, vm: vm)
                let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: nil)
                #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
                #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")
                #expect(comparison.foreground > 1000, "the capture shows the shell: \(comparison)")
                let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
                #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
                #expect(chain.gateway.output.contains("graphical console opened"), "\(chain.gateway.output.suffix(2000))")
                print("vnc chain (processes, LZ4 link) none: \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")
            }
        }
    }

    @Test func qemuWithVNCPasswordAndAWrongOneThatNeverLeaksThroughProcesses() async throws {
        let password = "Ch4in-pw"
        let wrong = "Wr0ng-ch"
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wrongFile = directory.appendingPathComponent("wrong.pass")
        try Data((wrong + "\n").utf8).write(to: wrongFile)
        try await TestVM.with(name: "vnc-chain-pw", vncPort: 5977, password: password) { vm in
            let servers = [
                "{name: lab-01, host: 127.0.0.1, port: \(vm.vncPort), password: '${CHAIN_VNC_PASSWORD}'}",
                "{name: lab-02, host: 127.0.0.1, port: \(vm.vncPort), passwordFile: '\(wrongFile.path)'}",
            ]
            // A raw link, so the recording proxy would see a password in any frame.
            try await TetherChain.run(
                servers: servers, agentEnvironment: ["CHAIN_VNC_PASSWORD": password], compressStreams: false, directory: directory
            ) { chain in
                let port = FreePort.find()
                let cli = try await chain.vncListener(server: "lab-01", port: port)
                defer { cli.terminate() }
                try await Self.waitUntilViewable(port: port, vm: vm)
                let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: password)
                #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
                #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")
                let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
                #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
                print("vnc chain (processes, raw link) password: \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")

                // The wrong password: the viewer is told why, through every hop.
                chain.proxy.reset()
                let wrongPort = FreePort.find()
                let wrongCLI = try await chain.vncListener(server: "lab-02", port: wrongPort)
                defer { wrongCLI.terminate() }
                var refused = ""
                for attempt in 0..<30 {
                    let outcome = try await VNCViewerTool.vncdo(port: wrongPort, ["capture", directory.appendingPathComponent("never-\(attempt).png").path])
                    #expect(outcome.status != 0)
                    refused = outcome.output
                    if refused.contains("bmc-auth-failed") { break }
                    try await Task.sleep(for: .milliseconds(500))
                }
                #expect(refused.contains("bmc-auth-failed: the BMC of lab-02 rejected the VNC password"), "\(refused.suffix(800))")
                try await chain.gateway.waitForLog("bmc-auth-failed", timeout: .seconds(30))
                let texts = [chain.gateway.output, chain.manager.output, cli.output, wrongCLI.output, refused]
                for secret in [password, wrong] {
                    #expect(!texts.contains { $0.contains(secret) }, "a BMC password appeared in a gateway, manager or CLI log or the viewer's error")
                    #expect(!chain.proxy.saw(secret), "a BMC password crossed the link")
                }
                #expect(chain.proxy.recordedBytes.count > 100, "the proxy recorded the link (\(chain.proxy.recordedBytes.count) B)")
            }
        }
    }
}
