import Contracts
import Foundation
import Kernel
import KernelTesting
import NIOCore
import RFB
import Testing
import VNCTCP
import VNCTesting

/// The attach flow against scripted BMCs: relay, refusals with reasons, limits, idle timeout,
/// malformed RFB from either side.
@Suite(.timeLimit(.minutes(2)))
struct GraphicalConsoleSessionTests {
    static func server(_ bmc: FakeBMC, name: String = "lab-01", extra: String = "") -> String {
        "{name: \(name), host: 127.0.0.1, port: \(bmc.port)\(extra)}"
    }

    @Test func replaysServerInitAndRelaysBothWays() async throws {
        let bmc = try await FakeBMC.start(.bellOnInput)
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc)]), plugins: [VNCTCPPlugin.self]) { node in
            let duplex = try await node.bus.open(GraphicalConsole.Attach(server: "lab-01"))
            let client = RFBTestClient(duplex)
            let serverInit = try await client.handshake()
            #expect(serverInit.rawBytes == FakeBMC.serverInit)
            try await client.requestUpdate(serverInit)
            #expect(try await client.read(1) == [2], "the BMC's Bell reaches the viewer")
            duplex.close()
        }
        await bmc.stop()
        #expect(bmc.bytesAfterHandshake.prefix(10) == [3, 0, 0, 0, 0, 0, 0, 64, 0, 48])
    }

    @Test func unknownServerIsRefusedWithItsReason() async throws {
        let bmc = try await FakeBMC.start(.bellOnInput)
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc)]), plugins: [VNCTCPPlugin.self]) { node in
            let refusal = try await Refusal.expectRefused(try await node.bus.open(GraphicalConsole.Attach(server: "nope")))
            #expect(refusal.reason.contains("unknown-server: no graphical console is configured for server nope here; configured: lab-01"))
            #expect(Refusal.code(refusal.error) == "unknown-server")
        }
        await bmc.stop()
    }

    @Test func sessionLimitPerServerIsEnforcedAndReleased() async throws {
        let bmc = try await FakeBMC.start(.bellOnInput)
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc)], limit: 1), plugins: [VNCTCPPlugin.self]) { node in
            let first = try await node.bus.open(GraphicalConsole.Attach(server: "lab-01"))
            let firstClient = RFBTestClient(first)
            _ = try await firstClient.handshake()

            let refusal = try await Refusal.expectRefused(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            #expect(refusal.reason.contains("too many graphical sessions on lab-01 (limit 1)"), "\(refusal.reason)")
            #expect(Refusal.code(refusal.error) == "too-many-sessions")

            // The first session's stream ends only after its slot is released.
            first.outbound.finish()
            _ = await firstClient.readToEnd()
            let third = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            _ = try await third.handshake()
        }
        await bmc.stop()
    }

    @Test func idleSessionIsClosedWithAReasonAndUserInputKeepsItOpen() async throws {
        let bmc = try await FakeBMC.start(.bellOnInput)
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc)], idleSeconds: 2), plugins: [VNCTCPPlugin.self]) { node in
            let duplex = try await node.bus.open(GraphicalConsole.Attach(server: "lab-01"))
            let client = RFBTestClient(duplex)
            let serverInit = try await client.handshake()
            // Key taps every 300 ms for 3 s keep the session past its 2 s idle limit (the margin
            // per tap is 1.7 s, so a loaded machine does not turn this into a timing test).
            for _ in 0..<10 {
                try await client.tap(keysym: 0x61)
                #expect(try await client.read(1) == [2])
                try await Task.sleep(for: .milliseconds(300))
            }
            try await client.requestUpdate(serverInit)
            #expect(try await client.read(1) == [2], "still open after 3 s with input")

            // Update requests alone are not user input.
            let started = ContinuousClock.now
            let ending = await client.readToEnd()
            let waited = ContinuousClock.now - started
            #expect(Refusal.code(ending.error as? BusError) == "idle-timeout", "\(String(describing: ending.error))")
            #expect("\(String(describing: ending.error))".contains("no input from the viewer for 2 s"))
            #expect(waited < .seconds(15))
        }
        await bmc.stop()
    }

    @Test(arguments: [
        ([99], "viewer sent unknown RFB message type 99"),
        ([2, 0, 0xFF, 0xFF], "viewer sent SetEncodings with encoding count 65535, above the limit"),
        ([6, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF], "viewer sent ClientCutText with length 2147483647, above the limit"),
        ([255, 9], "viewer sent QEMU message with unknown sub-type 9"),
    ] as [([UInt8], String)])
    func malformedViewerMessageClosesOnlyThatSession(bytes: [UInt8], reason: String) async throws {
        let bmc = try await FakeBMC.start(.bellOnInput)
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc)]), plugins: [VNCTCPPlugin.self]) { node in
            let healthy = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            let healthyInit = try await healthy.handshake()
            let broken = RFBTestClient(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            _ = try await broken.handshake()

            // The write itself may report the close that it caused.
            try? await broken.send(bytes)
            let ending = await broken.readToEnd()
            #expect(Refusal.code(ending.error as? BusError) == "viewer-protocol-error")
            #expect("\(String(describing: ending.error))".contains(reason), "\(String(describing: ending.error))")

            try await healthy.requestUpdate(healthyInit)
            #expect(try await healthy.read(1) == [2], "the other session keeps working")
        }
        await bmc.stop()
    }

    @Test func truncatedViewerHandshakeEndsTheSessionWithAReason() async throws {
        let bmc = try await FakeBMC.start(.bellOnInput)
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc)]), plugins: [VNCTCPPlugin.self]) { node in
            let duplex = try await node.bus.open(GraphicalConsole.Attach(server: "lab-01"))
            let client = RFBTestClient(duplex)
            #expect(try await client.read(12) == Array("RFB 003.008\n".utf8))
            try await duplex.outbound.write(ByteBuffer(string: "RFB 003"))
            duplex.outbound.finish()
            let ending = await client.readToEnd()
            #expect(Refusal.code(ending.error as? BusError) == "viewer-protocol-error")
            #expect("\(String(describing: ending.error))".contains("connection closed while waiting for the viewer's ProtocolVersion"))
        }
        await bmc.stop()
    }

    @Test(arguments: [
        (FakeBMC.Behaviour.absurdNameLength, "bmc-protocol-error", "ServerInit name length 4294967295 exceeds the limit"),
        (.truncatedHandshake, "bmc-unreachable", "connection closed while waiting for security types"),
        (.notRFB, "bmc-protocol-error", "invalid RFB ProtocolVersion message \"HTTP"),
        (.rejectsPassword, "bmc-auth-failed", "rejected the VNC password (Authentication failed)"),
    ])
    func malformedOrFailingBMCLoginIsReportedToTheViewer(behaviour: FakeBMC.Behaviour, code: String, reason: String) async throws {
        let bmc = try await FakeBMC.start(behaviour)
        let yaml = TestYAML.vncTCP([Self.server(bmc, extra: ", password: pw-3x7q")])
        try await TestNode.run(yaml, plugins: [VNCTCPPlugin.self]) { node in
            let refusal = try await Refusal.expectRefused(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            #expect(refusal.reason.hasPrefix("\(code): "), "\(refusal.reason)")
            #expect(refusal.reason.contains(reason), "\(refusal.reason)")
            #expect(Refusal.code(refusal.error) == code)
        }
        await bmc.stop()
    }

    @Test func unreachableBMCIsReportedQuickly() async throws {
        let port = FreePort.find()
        try await TestNode.run(TestYAML.vncTCP(["{name: lab-01, host: 127.0.0.1, port: \(port)}"]), plugins: [VNCTCPPlugin.self]) { node in
            let refusal = try await Refusal.expectRefused(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            #expect(refusal.reason.hasPrefix("bmc-unreachable: cannot reach the VNC server of lab-01 at 127.0.0.1:\(port)"), "\(refusal.reason)")
        }
    }

    @Test func passwordFileIsReadAtAttachAndAMissingOneIsReported() async throws {
        let bmc = try await FakeBMC.start(.rejectsPassword)
        let missing = "/nonexistent/vnc-\(UUID().uuidString.prefix(6)).pass"
        try await TestNode.run(TestYAML.vncTCP([Self.server(bmc, extra: ", passwordFile: \(missing)")]), plugins: [VNCTCPPlugin.self]) { node in
            let refusal = try await Refusal.expectRefused(try await node.bus.open(GraphicalConsole.Attach(server: "lab-01")))
            #expect(refusal.reason == "bmc-password-unreadable: cannot read the VNC passwordFile \(missing) of server lab-01; check that it exists and is readable")
        }
        await bmc.stop()
    }
}
