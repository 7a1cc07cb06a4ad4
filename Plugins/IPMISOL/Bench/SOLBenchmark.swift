import Foundation

/// `tether bench sol`: SOL bulk output throughput and keystroke echo latency through our
/// ``IPMIClient`` and through `ipmitool -I lanplus -C 3 sol activate`, against one `ipmi_sim`
/// the benchmark starts on 127.0.0.1, in alternating rounds.
public struct SOLBenchmark: Sendable {
    /// Bytes the host prints per round (the throughput figure).
    public var bulkBytes: Int
    /// Keystrokes typed per round, each waiting for its echo (the latency figures).
    public var keystrokes: Int
    public var rounds: Int
    /// Keystrokes typed before measuring, per round and client.
    public var warmupKeystrokes = 10
    /// Longest wait for one echo and for one round's bulk output.
    public var echoTimeout = Duration.seconds(10)
    public var bulkTimeout = Duration.seconds(120)
    public var ipmiSimPath: String
    public var ipmitoolPath: String

    public init(bulkBytes: Int, keystrokes: Int, rounds: Int, ipmiSimPath: String? = nil, ipmitoolPath: String? = nil) {
        self.bulkBytes = bulkBytes
        self.keystrokes = keystrokes
        self.rounds = rounds
        self.ipmiSimPath = ipmiSimPath ?? Self.executable("ipmi_sim")
        self.ipmitoolPath = ipmitoolPath ?? Self.executable("ipmitool")
    }

    /// Measures every round; `progress` gets one line per client and round.
    public func run(progress: @Sendable (String) -> Void = { _ in }) async throws -> SOLBenchReport {
        guard bulkBytes > 0, keystrokes > 0, rounds > 0 else { throw SOLBenchError.failed("bytes, keys and rounds must be positive") }
        for tool in [ipmiSimPath, ipmitoolPath] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw SOLBenchError.missingTool(tool)
        }
        return try await SOLBenchSimulator.with(ipmiSim: ipmiSimPath) { simulator in
            var ours: [SOLBenchMeasurement] = []
            var tool: [SOLBenchMeasurement] = []
            for round in 1...rounds {
                ours.append(try await measureOurs(simulator))
                progress("round \(round): \(ours[round - 1].line)")
                tool.append(try await measureIPMITool(simulator))
                progress("round \(round): \(tool[round - 1].line)")
            }
            guard let ours = SOLBenchMeasurement.pooled(ours), let tool = SOLBenchMeasurement.pooled(tool) else {
                throw SOLBenchError.failed("no rounds measured")
            }
            return SOLBenchReport(benchmark: self, ours: ours, ipmitool: tool)
        }
    }

    /// Printable bytes without `~` (ipmitool's escape character) and line ends.
    var bulk: [UInt8] { (0..<bulkBytes).map { UInt8(33 + $0 % 90) } }

    static func key(_ index: Int) -> UInt8 { UInt8(97 + index % 26) }

    /// `name` in a `PATH` folder, else `/usr/bin/name` (reported as missing if absent).
    static func executable(_ name: String) -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/\(name)"
    }
}
