import Contracts
import Foundation
import Kernel
import KernelTesting
import RFB
import Testing
import VNCTCP
import VNCTesting
import VNCWS

/// vnc-ws against real peers: QEMU's own RFB-over-WebSocket (with VNC authentication) and
/// websockify in front of QEMU's VNC (ports 5972-5975); vncdotool as the viewer on a local
/// TCP port bridged to the bus stream.
@Suite(.serialized, .enabled(if: TestVM.isAvailable && VNCViewerTool.isAvailable && Websockify.isAvailable,
                             "needs QEMU, the lab VM image, websockify and vncdotool"),
       .timeLimit(.minutes(5)))
struct QEMUVNCWSTests {
    static func yaml(_ servers: [String]) -> String {
        "role: t\nplugins: [{use: vnc-ws, with: {servers: [\(servers.joined(separator: ", "))], connectTimeoutSeconds: 5}}]"
    }

    static func attach(_ node: RoleRunner, _ server: String) -> @Sendable () async throws -> Duplex {
        { try await node.bus.open(GraphicalConsole.Attach(server: server)) }
    }

    static func code(_ error: (any Error)?) -> String? {
        if case .remote(let code, _) = error as? BusError { return code }
        return nil
    }

    @Test func qemuOwnWebSocketWithVNCPassword() async throws {
        let password = "Ws-8pQ2r"
        try await TestVM.with(name: "vnc-ws-qemu", vncPort: 5972, webSocketPort: 5973, password: password) { vm in
            let yaml = Self.yaml([
                "{name: lab-01, url: 'ws://127.0.0.1:5973/', password: '${LAB_VNC_PASSWORD}'}",
                "{name: lab-02, url: 'ws://127.0.0.1:5973', password: not-it}",
            ])
            try await TestNode.run(yaml, plugins: [VNCWSPlugin.self], environment: ["LAB_VNC_PASSWORD": password]) { node in
                try await DuplexTCPBridge.run(open: Self.attach(node, "lab-01")) { port, bridge in
                    let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: password)
                    #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
                    #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")
                    let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
                    #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
                    print("vnc-ws QEMU websocket: \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")
                    #expect(bridge.streamEndings.allSatisfy { $0 == nil }, "\(bridge.streamEndings)")
                }
                let client = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-02")))
                do {
                    _ = try await client.handshake()
                    Issue.record("a wrong password logged in")
                } catch RFBHandshakeError.authenticationFailed(let reason) {
                    #expect(reason.hasPrefix("bmc-auth-failed: the BMC of lab-02 rejected the VNC password"), "\(reason)")
                    #expect(!reason.contains("not-it"))
                }
                #expect(Self.code(await client.readToEnd().error) == "bmc-auth-failed")
            }
        }
    }

    @Test func websockifyInFrontOfQEMU() async throws {
        try await TestVM.with(name: "vnc-ws-websockify", vncPort: 5974) { vm in
            let websockify = try await Websockify.start(port: 5975, targetPort: vm.vncPort, directory: vm.directory)
            let yaml = Self.yaml(["{name: lab-01, url: 'ws://127.0.0.1:5975/websockify'}"])
            do {
                try await Self.checkWebsockify(yaml: yaml, vm: vm)
            } catch {
                await websockify.stop()
                throw error
            }
            await websockify.stop()
        }
    }

    static func checkWebsockify(yaml: String, vm: TestVM) async throws {
            try await TestNode.run(yaml, plugins: [VNCWSPlugin.self]) { node in
                try await DuplexTCPBridge.run(open: Self.attach(node, "lab-01")) { port, bridge in
                    let comparison = try await ConsoleChecks.compareCaptures(vm: vm, viewerPort: port, directPassword: nil)
                    #expect(comparison.width == 720 && comparison.height == 400, "\(comparison)")
                    #expect(comparison.equalFraction >= ConsoleChecks.requiredEqualFraction, "\(comparison)")

                    // Two sessions at once; breaking one leaves the other working.
                    let broken = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
                    _ = try await broken.handshake()
                    try? await broken.send([0x42])
                    #expect(Self.code(await broken.readToEnd().error) == "viewer-protocol-error")

                    let typed = try await ConsoleChecks.typeThrough(viewerPort: port, vm: vm)
                    #expect(typed.after > typed.before + 300, "typed keys reached the VM: \(typed)")
                    print("vnc-ws websockify: \(comparison); foreground before/after typing \(typed.before)/\(typed.after)")
                    #expect(bridge.streamEndings.allSatisfy { $0 == nil }, "\(bridge.streamEndings)")
                }
            }
    }

}

/// vnc-ws against endpoints that are not there or not WebSocket servers.
@Suite(.timeLimit(.minutes(1)))
struct VNCWSEndpointTests {
    @Test func unreachableEndpointIsReported() async throws {
        let closed = FreePort.find()
        let reason = try await Self.refusal(url: "ws://127.0.0.1:\(closed)/")
        #expect(reason.hasPrefix("bmc-unreachable: "), "\(reason)")
        #expect(reason.contains("ws://127.0.0.1:\(closed)/"), "\(reason)")
    }

    @Test func nonWebSocketEndpointIsReported() async throws {
        let bmc = try await FakeBMC.start(.notRFB)
        let reason = try await Self.refusal(url: "ws://127.0.0.1:\(bmc.port)/kvm/0")
        await bmc.stop()
        #expect(reason.hasPrefix("bmc-unreachable: "), "\(reason)")
        #expect(reason.contains("WebSocket upgrade failed"), "\(reason)")
    }

    /// The RFB failure reason a viewer gets when attaching to a server at `url`.
    static func refusal(url: String) async throws -> String {
        let yaml = QEMUVNCWSTests.yaml(["{name: lab-01, url: '\(url)'}"])
        return try await TestNode.run(yaml, plugins: [VNCWSPlugin.self]) { node in
            let client = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            do {
                _ = try await client.handshake()
                Issue.record("attached to \(url)")
                return ""
            } catch RFBHandshakeError.authenticationFailed(let reason) {
                return reason
            }
        }
    }
}
