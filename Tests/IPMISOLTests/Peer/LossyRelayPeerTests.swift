import Foundation
import KernelTesting
import Testing
@testable import IPMISOL

/// Through a relay that drops 15% of the datagrams in each direction (seeded), SOL still
/// delivers every character exactly once and in order both ways, and power commands work.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct LossyRelayPeerTests {
    static let seed: UInt64 = 0x7E7E_2026

    static func lossyConfiguration(_ relay: LossyUDPRelay) -> IPMIClient.Configuration {
        var configuration = LabClient.configuration(port: relay.port, timeout: .seconds(4), attempts: 16)
        configuration.solRetransmitTimeout = .milliseconds(150)
        configuration.solMaximumAttempts = 40
        return configuration
    }

    func withRelay(_ body: (IPMISimulatorLab, LossyUDPRelay) async throws -> Void) async throws {
        try await IPMISimulatorLab.with { lab in
            let relay = try await LossyUDPRelay.start(
                port: FreePort.findUDP(), bmcPort: lab.port, dropRate: 0.15, seed: Self.seed
            )
            do {
                try await body(lab, relay)
                await relay.stop()
            } catch {
                await relay.stop()
                throw error
            }
        }
    }

    @Test func solDeliversEveryByteOnceAndInOrderBothWays() async throws {
        try await withRelay { lab, relay in
            let client = try LabClient.make(Self.lossyConfiguration(relay))
            let console = try await client.openConsole()
            let reader = await ConsoleReader(console)
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            let lines = (0..<48).map { index in
                "L\(String(format: "%03d", index))-" + String((0..<40).map { alphabet[($0 + index) % alphabet.count] })
            }
            let sent = Array(lines.map { $0 + "\r" }.joined().utf8)
            let expectedEcho = Array(lines.map { "\r\nECHO: \($0)\r\n" }.joined().utf8)

            // One line at a time, like a person typing: ipmi_sim gives up on its outbound data
            // after 5 retransmissions counted across a whole burst (lanserv/sol.c num_sends),
            // so a multi-packet burst under 15% loss can be dropped by the BMC itself.
            for (index, line) in lines.enumerated() {
                try await console.write(line + "\r")
                let echo = "ECHO: \(line)\r\n"
                do {
                    try await reader.wait(timeoutSeconds: 20) { $0.contains(echo) }
                } catch {
                    let text = await reader.text
                    Issue.record("line \(index): no echo; serial side has \(lab.serialInput.count) bytes; console tail \(String(text.suffix(120)).debugDescription)")
                    throw error
                }
                #expect(lab.serialInput.count == Array(lines[0...index].map { $0 + "\r" }.joined().utf8).count)
            }
            let serialMatches = lab.serialInput == sent
            #expect(serialMatches, "serial side got \(lab.serialInput.count) of \(sent.count) bytes")
            let received = await reader.received
            let consoleMatches = received == expectedEcho
            #expect(consoleMatches, "console got \(received.count) of \(expectedEcho.count) bytes")

            let counters = relay.counters
            print("MEASURE lossy relay: to BMC \(counters.forwardedToBMC) passed / \(counters.droppedToBMC) dropped,"
                + " to client \(counters.forwardedToClient) passed / \(counters.droppedToClient) dropped")
            #expect(counters.droppedToBMC > 0 && counters.droppedToClient > 0)
            await client.close()
            await reader.stop()
        }
    }

    @Test func powerCommandsSucceedThroughLoss() async throws {
        try await withRelay { lab, relay in
            let client = try LabClient.make(Self.lossyConfiguration(relay))
            for round in 0..<6 {
                try await client.chassisControl(round.isMultiple(of: 2) ? .powerOn : .powerOff)
                #expect(lab.power == round.isMultiple(of: 2))
                #expect(try await client.chassisStatus().isPowerOn == lab.power)
            }
            #expect(relay.counters.droppedToBMC + relay.counters.droppedToClient > 0)
            await client.close()
        }
    }
}
