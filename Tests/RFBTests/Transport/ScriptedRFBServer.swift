import NIOCore
import NIOPosix

/// A loopback TCP server that plays a fixed script against one client: each step waits for
/// an exact number of bytes from the client, then writes a reply. Used to exercise the NIO
/// transport paths that QEMU cannot produce (silence, early close, trailing bytes).
struct ScriptedRFBServer {
    struct Step: Sendable {
        /// Bytes to read from the client before replying.
        let expect: Int
        /// Bytes to write afterwards.
        let reply: [UInt8]
    }

    let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

    var port: Int { listener.channel.localAddress?.port ?? 0 }

    static func bind() async throws -> ScriptedRFBServer {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        return ScriptedRFBServer(listener: listener)
    }

    /// Serves one client with `steps`; then either closes (`holdOpen == false`) or waits for
    /// the client to close. Returns everything the client sent.
    func serveOne(_ steps: [Step], holdOpen: Bool = false) async throws -> [UInt8] {
        try await listener.executeThenClose { clients in
            var clientIterator = clients.makeAsyncIterator()
            guard let client = try await clientIterator.next() else { return [] }
            return try await client.executeThenClose { inbound, outbound in
                var received: [UInt8] = []
                var iterator = inbound.makeAsyncIterator()
                var consumed = 0
                for step in steps {
                    while received.count < consumed + step.expect {
                        guard let buffer = try await iterator.next() else { return received }
                        received += buffer.readableBytesView
                    }
                    consumed += step.expect
                    if !step.reply.isEmpty { try await outbound.write(ByteBuffer(bytes: step.reply)) }
                }
                if holdOpen {
                    while let buffer = try await iterator.next() { received += buffer.readableBytesView }
                }
                return received
            }
        }
    }
}
