import Foundation
import NIOCore
import NIOPosix

/// Debian's websockify in front of the bench's VNC server, on 127.0.0.1: the baseline.
struct VNCBenchWebsockify {
    let port: Int
    let process: Process

    static var executable: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/websockify" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts websockify on `port` forwarding to 127.0.0.1:`targetPort`; returns once it accepts
    /// connections (polled every 50 ms for at most 10 s: a separate process gives no signal).
    static func start(port: Int, targetPort: Int) async throws -> VNCBenchWebsockify {
        guard let executable else { throw VNCBenchFailure(description: "websockify not found in PATH: run Scripts/setup") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["127.0.0.1:\(port)", "127.0.0.1:\(targetPort)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let websockify = VNCBenchWebsockify(port: port, process: process)
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.milliseconds(500)).connect(host: "127.0.0.1", port: port).get()
                try? await channel.close()
                return websockify
            } catch {
                guard process.isRunning, ContinuousClock.now < deadline else {
                    await websockify.stop()
                    throw VNCBenchFailure(description: "websockify did not listen on 127.0.0.1:\(port): \(error)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// CPU seconds used so far by websockify and its per-connection children.
    var cpuSeconds: Double { VNCBenchCPU.seconds(ofProcessTree: process.processIdentifier) }

    /// SIGTERM, then SIGKILL when it is still running 2 s later (it may ignore SIGTERM).
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(2)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
