import Foundation
import KernelTesting
import Testing
import VNCTesting

/// Issue 8's WebSocket BMCs through real processes: vncdotool on the CLI's `server vnc
/// --listen` port, through the gateway and the gRPC link to the agent's `vnc-ws`, which speaks
/// RFB over WebSocket to QEMU's own WebSocket VNC (with a VNC password) or to websockify in
/// front of QEMU's VNC (ports 5978-5981).
@Suite(.serialized, .enabled(if: TestVM.isAvailable && VNCViewerTool.isAvailable && Websockify.isAvailable,
                             "needs QEMU, the lab VM image, websockify and vncdotool"),
       .timeLimit(.minutes(6)))
struct WebSocketBMCChainProcessTests {
    @Test func qemuOwnWebSocketWithVNCPasswordThroughCLIGatewayAndAgentProcesses() async throws {
        let password = "Ws-ch41n"
        let directory = try GatewayChainProcessTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await TestVM.with(name: "vnc-chain-qemu-ws", vncPort: 5978, webSocketPort: 5979, password: password) { vm in
            let servers = ["{name: lab-01, url: 'ws://127.0.0.1:5979/', password: '${CHAIN_VNC_PASSWORD}'}"]
            try await TetherChain.run(
                servers: servers, bmcPlugin: "vnc-ws", agentEnvironment: ["CHAIN_VNC_PASSWORD": password], compressStreams: false, directory: directory
            ) { chain in
                try await Self.checkChain(chain, vm: vm, directPassword: password, label: "QEMU websocket")
                #expect(!chain.proxy.saw(password), "the BMC password crossed the link")
                #expect(![chain.gateway.output, chain.manager.output].contains { $0.contains(password) }, "the BMC password is in a log")
            }
        }
    }

    @Test func websockifyInFrontOfQEMUThroughCLIGatewayAndAgentProcesses() async throws {
        let directory = try GatewayChainProcessTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await TestVM.with(name: "vnc-chain-websockify", vncPort: 5980) { vm in
            let websockify = try await Websockify.start(port: 5981, targetPort: vm.vncPort, directory: vm.directory)
            do {
                try await TetherChain.run(
                    servers: ["{name: lab-01, url: 'ws://127.0.0.1:5981/websockify'}"], bmcPlugin: "vnc-ws", directory: directory
                ) { chain in
                    try await Self.checkChain(chain, vm: vm, directPassword: nil, label: "websockify")
                }
            } catch {
                await websockify.stop()
                throw error
            }
            await websockify.stop()
        }
    }

    /// A capture through the chain matches a direct one, and typed keys reach the VM.
    static func checkChain(_ chain: TetherChain, vm: TestVM, directPassword: String?, label: String) async throws {
        let port = FreePort.find()
        let cli = try await chain.vncListener(server: "lab-01", port: port)
        defer { cli.terminate() }
        try await GatewayChainProcessTests.waitUntilViewable(port: port, vm: vm)
        let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: directPassword)
        #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
        #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")
        let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
        #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
        #expect(chain.gateway.output.contains("graphical console opened"), "\(chain.gateway.output.suffix(2000))")
        print("vnc chain (processes) \(label): \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")
    }
}
