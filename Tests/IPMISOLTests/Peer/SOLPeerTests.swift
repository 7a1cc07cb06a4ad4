import Foundation
import Testing
@testable import IPMISOL

/// Serial-over-LAN against ipmi_sim, whose SOL port is wired to serial_echo.py.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct SOLPeerTests {

    func withLab(_ body: (IPMISimulatorLab) async throws -> Void) async throws {
        try await IPMISimulatorLab.with(body)
    }

    @Test func typedLineComesBackAsEcho() async throws {
        try await withLab { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port))
            let console = try await client.openConsole()
            #expect(console.inboundPayloadSize == 32)
            let reader = await ConsoleReader(console)
            try await console.write("hello tether\r")
            try await reader.wait { $0.contains("ECHO: HELLO TETHER\r\n") }
            #expect(lab.serialInput == Array("hello tether\r".utf8))
            await console.close()
            await reader.stop()
            await client.close()
        }
    }

    @Test func reopenedConsoleLosesNoFirstByte() async throws {
        try await withLab { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port))
            var expected: [UInt8] = []
            for round in 1...4 {
                let console = try await client.openConsole()
                let reader = await ConsoleReader(console)
                let line = "r\(round)\r"
                try await console.write(line)
                expected += Array(line.utf8)
                try await reader.wait { $0.contains("ECHO: R\(round)\r\n") }
                await console.close()
                await reader.stop()
            }
            #expect(lab.serialInput == expected)
            await client.close()
        }
    }

    @Test func activeElsewhereNeedsForce() async throws {
        try await withLab { lab in
            let first = try LabClient.make(LabClient.configuration(port: lab.port))
            let second = try LabClient.make(LabClient.configuration(port: lab.port))
            _ = try await first.openConsole()
            await #expect(throws: IPMIError.payloadAlreadyActive) {
                _ = try await second.openConsole()
            }
            let console = try await second.openConsole(force: true)
            let reader = await ConsoleReader(console)
            try await console.write("taken over\r")
            try await reader.wait { $0.contains("ECHO: TAKEN OVER") }
            await first.close()
            await second.close()
            await reader.stop()
        }
    }

    @Test func breakReachesTheSerialSide() async throws {
        try await withLab { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port))
            let console = try await client.openConsole()
            try await console.write("a")
            try await console.sendBreak()
            try await console.write("b\r")
            // ipmi_sim's TCP serial backend turns a break into telnet IAC BREAK (FF F3).
            try await IPMISimulatorLab.waitUntil("break on the serial side") {
                lab.serialInput == [0x61, 0xFF, 0xF3, 0x62, 0x0D]
            }
            await client.close()
        }
    }

    @Test func closingEndsTheInboundSequenceAndFreesThePayload() async throws {
        try await withLab { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port))
            let console = try await client.openConsole()
            let reader = await ConsoleReader(console)
            await client.close()
            try await IPMISimulatorLab.waitUntil("inbound finished") { await reader.finished }
            #expect(await reader.failure == nil)
            await #expect(throws: IPMIError.self) { try await console.write("x") }
            // Deactivate Payload was sent: a new client gets the console without force.
            let next = try LabClient.make(LabClient.configuration(port: lab.port))
            _ = try await next.openConsole()
            await next.close()
        }
    }

    @Test func measureThroughput() async throws {
        try await withLab { lab in
            let client = try LabClient.make(LabClient.configuration(port: lab.port))
            let console = try await client.openConsole()
            let reader = await ConsoleReader(console)
            let lines = (0..<64).map { "T\(String(format: "%03d", $0))-" + String(repeating: "X", count: 58) + "\r" }
            let bytes = Array(lines.joined().utf8)
            let clock = ContinuousClock()
            let outbound = try await clock.measure { try await console.write(bytes) }
            try await reader.wait(timeoutSeconds: 30) { $0.contains("ECHO: T063-") }
            print("MEASURE SOL outbound: \(bytes.count) bytes acknowledged in \(outbound)")
            #expect(lab.serialInput == bytes)
            await client.close()
            await reader.stop()
        }
    }
}
