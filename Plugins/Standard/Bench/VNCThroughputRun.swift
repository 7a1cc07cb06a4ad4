import Foundation
import RFB

/// One measurement: a raw RFB viewer that keeps two non-incremental full-screen
/// FramebufferUpdateRequests outstanding (Raw encoding only) for a fixed time.
struct VNCThroughputRun: Sendable {
    let label: String
    let bytes: Int
    let updates: Int
    let seconds: Double
    /// CPU seconds the whole path used meanwhile (this process, plus websockify's when it is
    /// in the path).
    let cpuSeconds: Double
    /// Of ``cpuSeconds``, what a relay in its own process (websockify) used; the rest is this
    /// process's (the synthetic VNC server and the viewer, which every path needs).
    let relayCPUSeconds: Double?

    var megabytesPerSecond: Double { Double(bytes) / seconds / 1_000_000 }
    var updatesPerSecond: Double { Double(updates) / seconds }
    /// CPU milliseconds per MB relayed: what the path costs, whatever else the machine runs.
    var cpuMillisecondsPerMegabyte: Double { perMegabyte(cpuSeconds) }
    /// ``relayCPUSeconds`` per MB relayed.
    var relayCPUMillisecondsPerMegabyte: Double? { relayCPUSeconds.map(perMegabyte) }

    private func perMegabyte(_ seconds: Double) -> Double { bytes > 0 ? seconds * 1000 / (Double(bytes) / 1_000_000) : 0 }

    /// Logs in through `client` and measures for `duration`; `cpu` reads the path's CPU seconds,
    /// `relayCPU` (when the relay is another process) the relay's part of them.
    static func measure(
        _ label: String, client: VNCBenchRFBClient, duration: Duration, cpu: () -> Double, relayCPU: (() -> Double)? = nil
    ) async throws -> VNCThroughputRun {
        let serverInit = try await client.handshake()
        try await client.requestRawEncoding()
        var counter = VNCBenchUpdateCounter(bytesPerPixel: Int(serverInit.pixelFormat.bitsPerPixel) / 8)
        // Warm-up: one complete update, so the handshake is not measured.
        try await client.requestUpdate(serverInit)
        try await client.count(updates: 1, with: &counter)
        let startBytes = counter.bytes
        let startUpdates = counter.updates
        try await client.requestUpdate(serverInit)
        try await client.requestUpdate(serverInit)
        let started = ContinuousClock.now
        let startCPU = cpu()
        let startRelayCPU = relayCPU?()
        while ContinuousClock.now - started < duration {
            try await client.count(updates: 1, with: &counter)
            try await client.requestUpdate(serverInit)
        }
        let elapsed = ContinuousClock.now - started
        let cpuSeconds = cpu() - startCPU
        let relayCPUSeconds = relayCPU.map { $0() - (startRelayCPU ?? 0) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return VNCThroughputRun(
            label: label, bytes: counter.bytes - startBytes, updates: counter.updates - startUpdates, seconds: seconds, cpuSeconds: cpuSeconds,
            relayCPUSeconds: relayCPUSeconds)
    }
}
