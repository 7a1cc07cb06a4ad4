import KernelTesting
import Testing

/// `tether bench sol` keeps working: a tiny run of the real binary (no timing assertions).
@Suite(.timeLimit(.minutes(2))) struct SOLBenchCommandTests {
    @Test func aTinyRunMeasuresBothClients() async throws {
        let result = try await TetherProcess.run(["bench", "sol", "--bytes", "2048", "--keys", "3", "--rounds", "1"], timeout: .seconds(90))
        #expect(result.status == 0, "\(result.standardError)\n\(result.standardOutput)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("tether IPMIClient") && $0.contains("KiB/s") }, "\(result.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("ipmitool -C 3 (pty)") && $0.contains("KiB/s") }, "\(result.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("ratio tether/ipmitool: throughput") }, "\(result.standardOutput)")
    }

    @Test func badCountsAreRefusedBeforeStartingAnything() async throws {
        let result = try await TetherProcess.run(["bench", "sol", "--keys", "0"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("must be positive"), "\(result.standardError)")
    }
}
