import HTTPTypes
import Logging
import Synchronization
import WSClient

/// A raw RFB viewer over WebSocket that offers subprotocol `binary`, as noVNC does.
enum VNCBenchViewer {
    static func measure(
        _ label: String, url: String, token: String?, duration: Duration, cpu: @escaping @Sendable () -> Double,
        relayCPU: (@Sendable () -> Double)? = nil
    ) async throws -> VNCThroughputRun {
        var headers = HTTPFields()
        headers[.secWebSocketProtocol] = "binary"
        if let token { headers[.authorization] = "Bearer \(token)" }
        let configuration = WebSocketClientConfiguration(maxFrameSize: 16 << 20, additionalHeaders: headers, closeTimeout: .seconds(1))
        let result = Mutex<VNCThroughputRun?>(nil)
        let close = try await WebSocketClient.connect(url: url, configuration: configuration, logger: Logger(label: "bench.vnc")) { inbound, outbound, _ in
            let viewer = VNCBenchRFBClient(inbound: inbound.map(\.data), write: { try await outbound.write(.binary($0)) })
            let run = try await VNCThroughputRun.measure(label, client: viewer, duration: duration, cpu: cpu, relayCPU: relayCPU)
            result.withLock { $0 = run }
        }
        guard let run = result.withLock({ $0 }) else {
            throw VNCBenchFailure(description: "\(label): the WebSocket closed early (\(close.map { "\($0.closeCode) \($0.reason ?? "")" } ?? "no close frame"))")
        }
        return run
    }
}

struct VNCBenchFailure: Error, CustomStringConvertible {
    let description: String
}
