import Foundation
import KernelTesting
import Testing

/// `tether bench link` keeps working: a tiny run of the real binary (two tether processes,
/// TLS, its own sshd and ssh -R on 127.0.0.1; no timing assertions).
@Suite(.timeLimit(.minutes(3))) struct LinkBenchCommandTests {
    @Test func aTinyRunMeasuresTheLinkAndTheSSHTunnel() async throws {
        let result = try await TetherProcess.run(
            ["bench", "link", "--asks", "20", "--stream-mib", "1", "--rounds", "1", "--time-limit", "100"], timeout: .seconds(150))
        #expect(result.status == 0, "\(result.standardError)\n\(result.standardOutput)")
        let lines = result.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("link ask, gateway -> agent plugin") && $0.contains("p50") }, "\(result.standardOutput)")
        for path in ["link stream, gateway -> agent", "link stream, agent -> gateway", "ssh -R tunnel, gateway -> agent", "ssh -R tunnel, agent -> gateway"] {
            #expect(lines.contains { $0.hasPrefix(path) && $0.contains("MB/s") }, "\(path): \(result.standardOutput)")
        }
        #expect(lines.contains { $0.hasPrefix("ratio link/ssh stream throughput:") }, "\(result.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("remote ask p50") }, "\(result.standardOutput)")
        let setup = lines.first { $0.hasPrefix("tether bench link:") } ?? ""
        let pids = Self.pids(setup)
        #expect(pids.count == 3, "agent, sshd and ssh PIDs in \(setup)")
        for pid in pids {
            #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "child \(pid) still runs after the bench")
        }
    }

    @Test func badCountsAreRefusedBeforeStartingAnything() async throws {
        let result = try await TetherProcess.run(["bench", "link", "--asks", "0"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("must be positive"), "\(result.standardError)")
    }

    /// The child PIDs the setup line names ("agent (pid N", "sshd pid N", "ssh pid N").
    static func pids(_ line: String) -> [Int32] {
        ["agent (pid ", "sshd pid ", "ssh pid "].compactMap { marker in
            guard let range = line.range(of: marker) else { return nil }
            return Int32(line[range.upperBound...].prefix { $0.isNumber })
        }
    }
}
