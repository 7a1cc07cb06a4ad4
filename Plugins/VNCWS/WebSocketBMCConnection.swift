import HTTPTypes
import HummingbirdWSClient
import Kernel
import Logging
import NIOCore
import Synchronization

/// A WebSocket connection to a BMC, presented as a Kernel `Duplex` of raw bytes (the RFB
/// stream): binary messages from the BMC arrive on `inbound`; buffers written to `outbound`
/// go out as binary messages. Connection errors fail `inbound`.
enum WebSocketBMCConnection {
    /// Inbound frames up to this size are accepted; BMCs and websockify send whole
    /// framebuffer updates in one message, far above the client's 16 KiB default.
    static let maximumFrameSize = 16 << 20

    /// How long closing waits for the BMC to show it has read the last input (see `drain`).
    static let drainTimeout = Duration.seconds(1)

    /// Connects to `url` and runs `body` with the connection; closes it when `body` returns.
    static func withConnection<Result>(
        url: String, logger: Logger, _ body: (Duplex) async throws -> Result
    ) async throws -> Result {
        let (ours, theirs) = Duplex.pair()
        // Unstructured so that a failed login does not wait for a connect attempt that is
        // still running; the task ends by itself once `ours` is closed or the connect fails.
        let connection = Task { await run(url: url, bridge: theirs, logger: logger) }
        do {
            let result = try await body(ours)
            ours.close()
            await connection.value
            return result
        } catch {
            ours.close()
            connection.cancel()
            throw error
        }
    }

    private static var configuration: WebSocketClientConfiguration {
        var headers = HTTPFields()
        headers[.secWebSocketProtocol] = "binary"
        return WebSocketClientConfiguration(maxFrameSize: maximumFrameSize, additionalHeaders: headers, closeTimeout: .seconds(2))
    }

    /// Runs the client, pumping between the WebSocket and `bridge` until either side ends.
    private static func run(url: String, bridge: Duplex, logger: Logger) async {
        do {
            let client = WebSocketClient(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                let received = FrameCounter()
                await withTaskGroup(of: Void.self) { pumps in
                    pumps.addTask { await pumpFromBMC(inbound, to: bridge, counting: received) }
                    do {
                        for try await buffer in bridge.inbound {
                            try await outbound.write(.binary(buffer))
                        }
                        await drain(outbound, received: received)
                    } catch {
                        bridge.outbound.fail(error)
                    }
                    pumps.cancelAll()
                }
            }
            try await client.run()
            bridge.outbound.finish()
        } catch {
            bridge.outbound.fail(error)
        }
    }

    /// BMC to `bridge`. Keeps reading (and discarding) after the other side stops reading, so
    /// `drain` can see the BMC answer.
    private static func pumpFromBMC(_ inbound: WebSocketInboundStream, to bridge: Duplex, counting received: FrameCounter) async {
        var delivering = true
        do {
            for try await frame in inbound {
                guard frame.opcode != .text else { throw WebSocketBMCError.textFrame }
                received.increment()
                guard delivering else { continue }
                do {
                    try await bridge.outbound.write(frame.data)
                } catch BusError.streamClosed {
                    delivering = false
                }
            }
            bridge.outbound.finish()
        } catch {
            bridge.outbound.fail(error)
        }
        received.finish()
    }

    /// Before the close frame: QEMU and websockify drop input that arrives in the same read
    /// as a close frame, so the viewer's last keys would be lost. A non-incremental
    /// FramebufferUpdateRequest for one pixel makes the BMC answer after it has read
    /// everything sent before; the close waits for that answer (bounded by `drainTimeout`).
    private static func drain(_ outbound: WebSocketOutboundWriter, received: FrameCounter) async {
        let before = received.count
        guard !received.isFinished else { return }
        do {
            try await outbound.write(.binary(ByteBuffer(bytes: [3, 0, 0, 0, 0, 0, 0, 1, 0, 1])))
        } catch {
            return
        }
        await received.waitForMore(than: before, timeout: drainTimeout)
    }
}
