import NIOCore
import NIOPosix

/// A synthetic VNC server that answers every FramebufferUpdateRequest at once with a full
/// Raw frame (a text-console-like picture), so the relay, not the VNC server, is the limit.
/// RFB 3.8, security None, 32 bpp; serves any number of clients on 127.0.0.1.
struct VNCBenchFrameServer {
    static let width = 1024
    static let height = 768

    let port: Int
    let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    /// Listens on 127.0.0.1 (port 0: a free one).
    static func start(port: Int = 0) async throws -> VNCBenchFrameServer {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .bind(host: "127.0.0.1", port: port) { child in
                child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
            }
        return VNCBenchFrameServer(port: listener.channel.localAddress?.port ?? port, listener: listener)
    }

    /// Serves clients until the listener is closed.
    func run() async {
        let update = Self.update
        try? await listener.executeThenClose { clients in
            await withDiscardingTaskGroup { group in
                do {
                    for try await client in clients {
                        group.addTask { try? await Self.serve(client, update: update) }
                    }
                } catch {}
            }
        }
    }

    func stop() async {
        try? await listener.channel.close()
    }

    /// One FramebufferUpdate with one Raw rectangle covering the screen: dark background,
    /// rows of light "glyph" pixels every 16 lines, like a text console.
    static let update: ByteBuffer = {
        var buffer = ByteBuffer()
        buffer.writeBytes([0, 0, 0, 1])
        buffer.writeInteger(UInt16(0))
        buffer.writeInteger(UInt16(0))
        buffer.writeInteger(UInt16(width))
        buffer.writeInteger(UInt16(height))
        buffer.writeInteger(Int32(0))
        var state: UInt32 = 12345
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 1_103_515_245 &+ 12345
                let glyph = y % 16 < 12 && x / 8 % 10 < 7 && (state >> 16) & 3 == 0
                buffer.writeBytes(glyph ? [0xAA, 0xAA, 0xAA, 0] : [0, 0, 0, 0])
            }
        }
        return buffer
    }()

    static let serverInit: [UInt8] = {
        var bytes: [UInt8] = [UInt8(width >> 8), UInt8(width & 0xFF), UInt8(height >> 8), UInt8(height & 0xFF)]
        bytes += [32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]
        let name = Array("bench".utf8)
        return bytes + [0, 0, 0, UInt8(name.count)] + name
    }()

    private static func serve(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>, update: ByteBuffer) async throws {
        try await client.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var pending: [UInt8] = []
            func take(_ count: Int) async throws -> [UInt8]? {
                while pending.count < count {
                    guard let buffer = try await iterator.next() else { return nil }
                    pending += buffer.readableBytesView
                }
                defer { pending.removeFirst(count) }
                return Array(pending.prefix(count))
            }
            try await outbound.write(ByteBuffer(bytes: Array("RFB 003.008\n".utf8)))
            guard try await take(12) != nil else { return }
            try await outbound.write(ByteBuffer(bytes: [1, 1]))
            guard try await take(1) != nil else { return }
            try await outbound.write(ByteBuffer(bytes: [0, 0, 0, 0]))
            guard try await take(1) != nil else { return }
            try await outbound.write(ByteBuffer(bytes: serverInit))
            while let type = try await take(1)?.first {
                switch type {
                case 0: guard try await take(19) != nil else { return }
                case 2:
                    guard let header = try await take(3) else { return }
                    guard try await take(4 * (Int(header[1]) << 8 | Int(header[2]))) != nil else { return }
                case 3:
                    guard try await take(9) != nil else { return }
                    try await outbound.write(update)
                case 4: guard try await take(7) != nil else { return }
                case 5: guard try await take(5) != nil else { return }
                default: return
                }
            }
        }
    }
}
