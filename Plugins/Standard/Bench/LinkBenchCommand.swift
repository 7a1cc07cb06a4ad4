import ArgumentParser
import Foundation
import GRPCLink
import Kernel
import Logging

/// `tether bench link`: the gRPC link between two `tether` processes with TLS, against an
/// OpenSSH reverse tunnel, in one run (``LinkBenchmark``).
struct LinkBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Remote ask latency and stream throughput over the link (TLS, two processes), against ssh -R.",
        discussion: """
            This process is the gateway (link listener); it starts the agent (link dialler) as a child \
            process of the same binary, its own sshd on a free 127.0.0.1 port with a throw-away host key \
            and authorized_keys, and ssh -N -R from the agent side; every child is stopped by PID at the \
            end. The ssh tunnel carries the same bytes to a TCP sink/source in the agent process. Needs \
            openssl, sshd and ssh (Scripts/setup). Targets (issue 3): stream throughput >= 1.0x the ssh \
            tunnel, remote ask p50 < 200 us.
            """)

    @Option(help: "Sequential remote asks per round.")
    var asks = 20_000

    @Option(name: .customLong("stream-mib"), help: "MiB per stream measurement (each direction, each path).")
    var streamMiB = 256

    @Option(help: "Rounds; each measures every figure of both paths once.")
    var rounds = 2

    @Option(help: "Seconds the whole run may take before its children are stopped and it fails.")
    var timeLimit = 600.0

    @Option(help: ArgumentHelp("Internal: run the bench's agent node from this manifest.", visibility: .hidden))
    var agentManifest: String?

    @Option(help: ArgumentHelp("Internal: the agent's TCP endpoint port for the ssh tunnel.", visibility: .hidden))
    var agentTCPPort = 0

    func validate() throws {
        guard asks > 0, streamMiB > 0, rounds > 0, timeLimit > 0 else {
            throw ValidationError("--asks, --stream-mib, --rounds and --time-limit must be positive")
        }
        guard streamMiB <= 65_536 else { throw ValidationError("--stream-mib is at most 65536") }
    }

    func run() async throws {
        if let agentManifest { return try await runAgent(agentManifest) }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        #if DEBUG
        print("warning: this is a debug build; measure with swift build -c release")
        #endif
        let benchmark = LinkBenchmark(asks: asks, streamBytes: streamMiB * 1_048_576, rounds: rounds, timeLimit: .seconds(timeLimit))
        // Unbuffered: progress shows while the run goes on, also into a file or a pipe.
        let report = try await benchmark.run { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        print("")
        for line in report.lines { print(line) }
    }

    /// The agent node: the manifest's plugins (link and ``LinkBenchAgentPlugin``) and the TCP
    /// endpoint, until SIGTERM.
    private func runAgent(_ manifest: String) async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let role = try Role(
            contentsOf: URL(fileURLWithPath: manifest), registry: try PluginRegistry([GRPCLinkPlugin.self, LinkBenchAgentPlugin.self]),
            node: LinkBenchNodes.agentNode)
        let endpoint = agentTCPPort > 0 ? try await LinkBenchTCPEndpoint.start(port: agentTCPPort) : nil
        let serving = Task { await endpoint?.run() }
        defer { serving.cancel() }
        try await RoleRunner(role: role, logger: Logger(label: "bench-agent")).run()
        await endpoint?.stop()
    }
}
