import NIOCore
import NIOPosix
import Synchronization

/// The host's serial port behind the benchmark's `ipmi_sim`, in process: ipmi_sim's SOL
/// connects to it over TCP. It echoes every byte (keystroke echo) and prints whatever the
/// benchmark hands to ``emit(_:)`` (bulk output).
final class SOLBenchSerialPeer: Sendable {
    let port: Int
    private let server: any Channel
    private let connection: SOLBenchConnectionBox

    private init(port: Int, server: any Channel, connection: SOLBenchConnectionBox) {
        self.port = port
        self.server = server
        self.connection = connection
    }

    /// Listens on a free port of 127.0.0.1.
    static func start() async throws -> SOLBenchSerialPeer {
        let connection = SOLBenchConnectionBox()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SOLBenchEchoHandler(box: connection))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = server.localAddress?.port else { throw SOLBenchError.failed("the serial peer has no port") }
        return SOLBenchSerialPeer(port: port, server: server, connection: connection)
    }

    /// ipmi_sim holds the serial connection.
    var isConnected: Bool { connection.channel.withLock { $0 != nil } }

    /// Prints `bytes` on the serial port (to the BMC); returns once written to the socket.
    func emit(_ bytes: [UInt8]) async throws {
        guard let channel = connection.channel.withLock({ $0 }) else { throw SOLBenchError.failed("ipmi_sim is not connected to the serial peer") }
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }

    func stop() async {
        let channel = connection.channel.withLock { $0 }
        try? await channel?.close()
        try? await server.close()
    }
}

/// The serial connection, shared by the peer and its handler.
final class SOLBenchConnectionBox: Sendable {
    let channel = Mutex<(any Channel)?>(nil)
}

/// Echoes every byte and records which connection is current.
final class SOLBenchEchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private let box: SOLBenchConnectionBox

    init(box: SOLBenchConnectionBox) { self.box = box }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        box.channel.withLock { $0 = channel }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let channel = context.channel
        box.channel.withLock { if $0 === channel { $0 = nil } }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.writeAndFlush(data, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
