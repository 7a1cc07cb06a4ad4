import ArgumentParser
import Foundation

/// `tether bench vnc`: framebuffer-update throughput from a VNC server to a WebSocket viewer
/// through the gateway's `/console/vnc` endpoint, the gRPC link and the agent's `vnc-tcp`
/// (LZ4 on the link on and off), against websockify alone, in one run.
struct VNCBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vnc",
        abstract: "Graphical console throughput through gateway and agent, against websockify alone.",
        discussion: """
            The VNC server is synthetic (1024x768, 32 bpp, a text-console-like picture, answers every \
            FramebufferUpdateRequest at once), so the relays are the limit: QEMU caps updates at about \
            7/s. The viewer keeps two non-incremental full-screen Raw requests outstanding. Gateway \
            and agent run in this process, joined by the real gRPC link over loopback. Needs \
            websockify (Scripts/setup).
            """)

    @Option(help: "Seconds per measurement.")
    var seconds = 5.0

    @Option(help: "Rounds (each measures every path once, interleaved).")
    var rounds = 1

    func run() async throws {
        #if DEBUG
        print("warning: this is a debug build; measure with swift build -c release")
        #endif
        guard VNCBenchWebsockify.executable != nil else { throw ValidationError("websockify not found in PATH: run Scripts/setup") }
        let duration = Duration.milliseconds(Int64(seconds * 1000))
        let frames = try await VNCBenchFrameServer.start()
        let serving = Task { await frames.run() }
        defer { serving.cancel() }
        let websockifyPort = try VNCBenchChain.freePort()
        let websockify = try await VNCBenchWebsockify.start(port: websockifyPort, targetPort: frames.port)
        var runs: [[VNCThroughputRun]] = []
        do {
            for _ in 0..<rounds {
                var round: [VNCThroughputRun] = []
                round.append(try await VNCBenchViewer.measure(
                    "websockify alone", url: "ws://127.0.0.1:\(websockifyPort)/", token: nil, duration: duration,
                    cpu: { VNCBenchCPU.ownSeconds + websockify.cpuSeconds }, relayCPU: { websockify.cpuSeconds }))
                for compress in [false, true] {
                    let label = "gateway + link + agent, LZ4 \(compress ? "on" : "off")"
                    round.append(try await VNCBenchChain.run(vncPort: frames.port, compressStreams: compress) { chain in
                        try await VNCBenchViewer.measure(
                            label, url: "ws://127.0.0.1:\(chain.gatewayPort)/v1/servers/\(VNCBenchAuthPlugin.server)/console/vnc",
                            token: VNCBenchAuthPlugin.token, duration: duration, cpu: { VNCBenchCPU.ownSeconds })
                    })
                }
                runs.append(round)
            }
        } catch {
            await websockify.stop()
            await frames.stop()
            throw error
        }
        await websockify.stop()
        await frames.stop()
        Self.report(runs)
    }

    /// Issue 8's target: the chain at least this many times websockify's throughput.
    static let target = 1.5

    static func report(_ rounds: [[VNCThroughputRun]]) {
        print("tether bench vnc: synthetic VNC server (1024x768, 32 bpp, Raw), WebSocket viewer (subprotocol binary)")
        for (index, round) in rounds.enumerated() {
            print("round \(index + 1)")
            for run in round {
                print(run.label.padding(toLength: 40, withPad: " ", startingAt: 0)
                    + String(format: " %8.1f MB/s  %7.1f updates/s  %6.2f CPU ms/MB", run.megabytesPerSecond, run.updatesPerSecond,
                           run.cpuMillisecondsPerMegabyte)
                    + (run.relayCPUMillisecondsPerMegabyte.map {
                        String(format: " (websockify %.2f, VNC server + viewer %.2f)", $0, run.cpuMillisecondsPerMegabyte - $0)
                    } ?? ""))
            }
            guard let first = round.first, first.megabytesPerSecond > 0 else { continue }
            for run in round.dropFirst() {
                print("  ratio " + run.label + String(format: " / websockify alone: %.2fx", run.megabytesPerSecond / first.megabytesPerSecond))
            }
            if let relay = first.relayCPUMillisecondsPerMegabyte {
                // Every path here shares the same cores, so throughput follows CPU per MB: 1.5x
                // websockify's throughput needs at most websockify's CPU per MB / 1.5, of which
                // the VNC server and the viewer (the same in every path) take their share first.
                let budget = first.cpuMillisecondsPerMegabyte / Self.target
                print(String(
                    format: "  target %.1fx websockify: at most %.2f CPU ms/MB for the whole path; the VNC server and viewer alone use %.2f, leaving %.2f for agent, link (TLS both ways) and gateway (websockify's relay alone: %.2f)",
                    Self.target, budget, first.cpuMillisecondsPerMegabyte - relay, budget - (first.cpuMillisecondsPerMegabyte - relay), relay))
            }
        }
    }
}
