import NIOCore
import NIOPosix
import Synchronization

/// The host's serial port behind a lab BMC, in process: ipmi_sim's SOL connects to it over
/// TCP. It greets like serial_echo.py (`FAKE-SERIAL ready`, `login: `), answers every line
/// with `ECHO: <LINE IN UPPER CASE>` (or echoes each byte in ``Mode/raw``), records every
/// byte it receives, and prints whatever a test hands to ``emit(_:)``.
final class SerialPeer: Sendable {
    enum Mode: Sendable {
        /// Answer each CR- or LF-terminated line with `\r\nECHO: LINE\r\n`.
        case lines
        /// Send every received byte straight back (keystroke echo).
        case raw
    }

    struct State {
        var received: [UInt8] = []
        var pendingLine: [UInt8] = []
        var mode: Mode = .lines
        var connection: (any Channel)?
        var connections = 0
    }

    static let greeting = Array("\r\nFAKE-SERIAL ready\r\nlogin: ".utf8)

    let port: Int
    let state: Mutex<State>
    private let server: any Channel

    private init(port: Int, server: any Channel) {
        self.port = port
        self.server = server
        self.state = Mutex(State())
    }

    /// Listens on 127.0.0.1:`port` (0 picks a free one).
    static func start(port: Int = 0) async throws -> SerialPeer {
        let box = StateBox()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SerialPeerHandler(peer: box))
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        let peer = SerialPeer(port: server.localAddress?.port ?? port, server: server)
        box.peer.withLock { $0 = peer }
        return peer
    }

    /// Every byte typed on the serial side so far.
    var received: [UInt8] { state.withLock { $0.received } }

    /// ipmi_sim holds the serial connection.
    var isConnected: Bool { state.withLock { $0.connection != nil } }

    var mode: Mode {
        get { state.withLock { $0.mode } }
        set { state.withLock { $0.mode = newValue } }
    }

    /// Prints `bytes` on the serial port (to the BMC); returns once written to the socket.
    func emit(_ bytes: [UInt8]) async throws {
        guard let channel = state.withLock({ $0.connection }) else { throw PeerError.notConnected }
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
    }

    func emit(_ text: String) async throws { try await emit(Array(text.utf8)) }

    func stop() async {
        let connection = state.withLock { $0.connection }
        try? await connection?.close()
        try? await server.close()
    }

    enum PeerError: Error { case notConnected }

    /// Called by the handler (on the event loop) with received bytes; returns what to answer.
    func receive(_ bytes: [UInt8]) -> [UInt8] {
        state.withLock { state in
            state.received += bytes
            guard state.mode == .lines else { return bytes }
            var answer: [UInt8] = []
            for byte in bytes {
                if byte == 0x0D || byte == 0x0A {
                    if !state.pendingLine.isEmpty {
                        let upper = String(decoding: state.pendingLine, as: UTF8.self).uppercased()
                        answer += Array("\r\nECHO: \(upper)\r\n".utf8)
                    }
                    state.pendingLine = []
                } else {
                    state.pendingLine.append(byte)
                }
            }
            return answer
        }
    }
}

/// Lets the handler reach the peer created after the server socket.
final class StateBox: Sendable {
    let peer = Mutex<SerialPeer?>(nil)
}

final class SerialPeerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    private let box: StateBox

    init(peer: StateBox) { box = peer }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        box.peer.withLock { $0 }?.state.withLock {
            $0.connection = channel
            $0.connections += 1
        }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: SerialPeer.greeting)), promise: nil)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let channel = context.channel
        box.peer.withLock { $0 }?.state.withLock {
            if $0.connection === channel { $0.connection = nil }
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Array(unwrapInboundIn(data).readableBytesView)
        guard let answer = box.peer.withLock({ $0 })?.receive(bytes), !answer.isEmpty else { return }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: answer)), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
