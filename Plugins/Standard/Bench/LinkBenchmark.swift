import Foundation

/// `tether bench link`: remote asks and byte-stream throughput over the real `link` between
/// two `tether` processes with TLS on 127.0.0.1, against an OpenSSH reverse tunnel (`ssh -R`)
/// carrying the same bytes to the same agent process, in alternating measurements.
struct LinkBenchmark: Sendable {
    var asks: Int
    var streamBytes: Int
    var rounds: Int
    /// The whole run, set-up included; past it the children are stopped and the run fails.
    var timeLimit: Duration
    var roundTrips: Int { max(1, min(asks, 5_000)) }
    var warmup: Int { min(1_000, max(1, asks / 10)) }

    func run(progress: @Sendable (String) -> Void) async throws -> LinkBenchReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-bench-link-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let children = LinkBenchChildren()
        let deadline = ContinuousClock.now + timeLimit
        // A measurement stuck in I/O fails once its peers are gone.
        let watchdog = Task {
            try await Task.sleep(until: deadline + .seconds(5), clock: .continuous)
            await children.stopAll()
        }
        defer { watchdog.cancel() }
        do {
            let credentials = try LinkBenchCredentials.make(in: folder)
            let report = try await LinkBenchNodes.run(folder: folder, credentials: credentials, children: children, deadline: deadline) { nodes in
                let tunnel = try await LinkBenchSSHTunnel.start(
                    folder: folder, credentials: credentials, targetPort: nodes.agentTCPPort, children: children, deadline: deadline)
                let setup = """
                    tether bench link: gateway (pid \(getpid()), link listener, TLS) and agent (pid \(nodes.agent.pid), link dialler) \
                    on 127.0.0.1; ssh -R: sshd pid \(tunnel.sshdPID), ssh pid \(tunnel.sshPID), cipher \(tunnel.cipher); \
                    \(asks) asks, \(streamBytes / 1_048_576) MiB per stream and direction, \(rounds) round(s)
                    """
                progress(setup)
                let link = LinkBenchLinkClient(bus: nodes.bus, agent: LinkBenchNodes.agentNode, deadline: deadline)
                let ssh = LinkBenchTCPClient(port: tunnel.forwardedPort, deadline: deadline)
                let direct = LinkBenchTCPClient(port: nodes.agentTCPPort, deadline: deadline)
                var measured: [LinkBenchRound] = []
                for index in 1...rounds {
                    let asked = try await link.asks(asks, warmup: warmup)
                    let round = LinkBenchRound(
                        linkAsks: asked.samples, linkAskSeconds: asked.seconds,
                        sshRoundTrips: try await ssh.roundTrips(roundTrips, warmup: warmup),
                        tcpRoundTrips: try await direct.roundTrips(roundTrips, warmup: warmup),
                        linkUpload: try await link.upload(streamBytes), sshUpload: try await ssh.upload(streamBytes),
                        linkDownload: try await link.download(streamBytes), sshDownload: try await ssh.download(streamBytes))
                    progress("round \(index):")
                    for line in round.lines { progress(line) }
                    measured.append(round)
                }
                return LinkBenchReport(setup: setup, rounds: measured)
            }
            await children.stopAll()
            return report
        } catch {
            await children.stopAll()
            throw error
        }
    }
}
