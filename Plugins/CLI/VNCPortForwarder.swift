import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOPosix
import WSClient

/// A local TCP port for VNC viewers: each accepted connection becomes one WebSocket to the
/// gateway's graphical console endpoint, relaying raw RFB bytes both ways. Each direction
/// waits for the other side to take a buffer before reading the next (back-pressure).
struct VNCPortForwarder: Sendable {
    let url: String
    let token: String
    let server: String

    /// Largest WebSocket frame accepted from the gateway.
    static let maxFrameBytes = 16 << 20

    /// Serves until the process is interrupted.
    func run(host: String, port: Int) async throws {
        let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
        do {
            listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
                .bind(host: host, port: port) { child in
                    child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
                }
        } catch {
            throw CLIError.failure("cannot listen on \(host):\(port): \(error)")
        }
        let bound = listener.channel.localAddress.map { "\($0.ipAddress ?? host):\($0.port ?? port)" } ?? "\(host):\(port)"
        FileHandleOutput.standardError("tether: graphical console of \(server) on \(bound): point a VNC viewer there (no password); Ctrl-C ends")
        try await listener.executeThenClose { viewers in
            try await withThrowingDiscardingTaskGroup { group in
                for try await viewer in viewers {
                    group.addTask { await relay(viewer) }
                }
            }
        }
    }

    /// One viewer: its own WebSocket session until either side ends.
    private func relay(_ viewer: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let peer = viewer.channel.remoteAddress.map { "\($0)" } ?? "?"
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.secWebSocketProtocol] = "binary"
        let configuration = WebSocketClientConfiguration(maxFrameSize: Self.maxFrameBytes, additionalHeaders: headers, closeTimeout: .seconds(2))
        do {
            try await viewer.executeThenClose { tcpInbound, tcpOutbound in
                let close = try await WebSocketClient.connect(
                    url: url, configuration: configuration, tlsConfiguration: try CLITrust.tlsConfiguration(), logger: Logger(label: "tether.vnc")) {
                    inbound, outbound, _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for try await buffer in tcpInbound { try await outbound.write(.binary(buffer)) }
                        }
                        group.addTask {
                            for try await message in inbound.messages(maxSize: Self.maxFrameBytes) {
                                if case .binary(let buffer) = message { try await tcpOutbound.write(buffer) }
                            }
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                }
                if let close, close.closeCode != .normalClosure {
                    FileHandleOutput.standardError("tether: VNC session of \(peer) ended: \(close.reason ?? "\(close.closeCode)")")
                }
            }
        } catch {
            FileHandleOutput.standardError("tether: VNC session of \(peer) failed: \(error)")
        }
    }
}
