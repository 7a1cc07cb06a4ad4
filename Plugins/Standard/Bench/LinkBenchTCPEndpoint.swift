import NIOCore
import NIOPosix

/// The agent's end of the `ssh -R` tunnel in `tether bench link`: a TCP sink, source and echo
/// on 127.0.0.1, the same work the link's handlers do. A connection starts with one mode
/// byte (``LinkBenchTCPMode``); sink and source then take a byte count (UInt64, big endian).
struct LinkBenchTCPEndpoint {
    let port: Int
    let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    static func start(port: Int) async throws -> LinkBenchTCPEndpoint {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .bind(host: "127.0.0.1", port: port) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: child, configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
        return LinkBenchTCPEndpoint(port: listener.channel.localAddress?.port ?? port, listener: listener)
    }

    /// Serves connections until the listener is closed.
    func run() async {
        try? await listener.executeThenClose { clients in
            await withDiscardingTaskGroup { group in
                do {
                    for try await client in clients {
                        group.addTask { try? await Self.serve(client) }
                    }
                } catch {}
            }
        }
    }

    func stop() async {
        try? await listener.channel.close()
    }

    private static func serve(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        try await client.executeThenClose { inbound, outbound in
            var reader = LinkBenchTCPReader(inbound)
            guard let mode = try await reader.read(UInt8.self) else { return }
            switch mode {
            case LinkBenchTCPMode.sink:
                guard let expected = try await reader.read(UInt64.self) else { return }
                let received = try await reader.discard(upTo: expected)
                try await outbound.write(ByteBuffer(integer: received))
            case LinkBenchTCPMode.source:
                guard let requested = try await reader.read(UInt64.self) else { return }
                // At most 1 TiB: a bench never asks for more; the count came off a socket.
                var left = Int(min(requested, 1 << 40))
                while left > 0 {
                    let size = min(left, LinkBenchPayload.chunk.readableBytes)
                    try await outbound.write(LinkBenchPayload.chunk.getSlice(at: 0, length: size) ?? ByteBuffer())
                    left -= size
                }
            case LinkBenchTCPMode.echo:
                while let buffer = try await reader.next() { try await outbound.write(buffer) }
            default:
                return
            }
            // Closing at once would drop writes still queued in the channel: half-close
            // after them and let the client close.
            outbound.finish()
            while try await reader.next() != nil {}
        }
    }
}

/// The first byte of a bench TCP connection.
enum LinkBenchTCPMode {
    /// Then a UInt64 count: the endpoint reads that many bytes and answers with what it got.
    static let sink = UInt8(ascii: "U")
    /// Then a UInt64 count: the endpoint writes that many bytes and closes.
    static let source = UInt8(ascii: "D")
    /// The endpoint sends back everything it reads.
    static let echo = UInt8(ascii: "E")
}
