import Kernel
import NIOCore
import NIOPosix
import Synchronization

/// A local TCP listener (127.0.0.1, a free port) that bridges each accepted connection to a
/// fresh bus stream: a stand-in for the CLI's `--listen` port, so that ordinary VNC viewers
/// (vncdotool) can reach a `GraphicalConsole.Attach` duplex.
public final class DuplexTCPBridge: Sendable {
    /// How each bridged stream ended: `nil` when it finished normally, else its error.
    public var streamEndings: [String?] { endings.withLock { $0 } }
    private let endings = Mutex<[String?]>([])

    private init() {}

    /// Listens, runs `body` with the port, then closes the listener and every bridged
    /// connection. `open` is called once per accepted connection.
    public static func run<Result: Sendable>(
        open: @escaping @Sendable () async throws -> Duplex,
        _ body: (_ port: Int, _ bridge: DuplexTCPBridge) async throws -> Result
    ) async throws -> Result {
        let bridge = DuplexTCPBridge()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
            }
        guard let port = listener.channel.localAddress?.port else {
            try? await listener.channel.close()
            throw ExternalProcess.Failure(description: "the bridge listener has no port")
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await listener.executeThenClose { connections in
                    try await withThrowingDiscardingTaskGroup { pumps in
                        for try await connection in connections {
                            pumps.addTask { await bridge.pump(connection, open: open) }
                        }
                    }
                }
            }
            do {
                let result = try await body(port, bridge)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Copies bytes both ways until either side ends.
    private func pump(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, open: @Sendable () async throws -> Duplex) async {
        let duplex: Duplex
        do {
            duplex = try await open()
        } catch {
            endings.withLock { $0.append("open failed: \(error)") }
            try? await connection.channel.close()
            return
        }
        let channel = connection.channel
        try? await connection.executeThenClose { inbound, outbound in
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    var ending: String?
                    do {
                        for try await buffer in duplex.inbound { try await outbound.write(buffer) }
                    } catch {
                        ending = "\(error)"
                    }
                    self.endings.withLock { $0.append(ending) }
                    channel.close(promise: nil)
                }
                do {
                    for try await buffer in inbound { try await duplex.outbound.write(buffer) }
                } catch {}
                duplex.outbound.finish()
                await group.waitForAll()
                duplex.inbound.close()
            }
        }
    }
}
