import ArgumentParser
import IPMISOL

/// `tether bench sol`: SOL throughput and keystroke echo latency through our client and
/// through `ipmitool`, against one `ipmi_sim` it starts on 127.0.0.1, in one run.
struct SOLBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sol",
        abstract: "Serial-over-LAN throughput and echo latency, ours against ipmitool -C 3 (needs ipmi_sim and ipmitool).")

    @Option(help: "Bytes of bulk output per round.")
    var bytes = 65_536

    @Option(help: "Keystrokes (each waiting for its echo) per round.")
    var keys = 200

    @Option(help: "Rounds; each measures both clients, ours first.")
    var rounds = 3

    func validate() throws {
        guard bytes > 0, keys > 0, rounds > 0 else { throw ValidationError("--bytes, --keys and --rounds must be positive") }
    }

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; measure with swift build -c release")
        #endif
        let report = try await SOLBenchmark(bulkBytes: bytes, keystrokes: keys, rounds: rounds).run { print($0) }
        print("")
        for line in report.lines { print(line) }
    }
}
