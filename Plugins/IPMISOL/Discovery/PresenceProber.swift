import NIOCore
import NIOPosix

/// Sends an ASF presence ping (RMCP) to every address and collects the pongs: which hosts
/// answer as BMCs. One UDP socket, pings paced so a range does not burst.
enum PresenceProber {
    /// One host that answered.
    struct Pong: Sendable, Equatable {
        var host: String
        var supportsIPMI: Bool
    }

    static func probe(
        hosts: [String], port: Int, timeout: Duration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> [Pong] {
        guard !hosts.isEmpty else { return [] }
        let (datagrams, continuation) = AsyncStream.makeStream(of: AddressedEnvelope<ByteBuffer>.self, bufferingPolicy: .bufferingNewest(4096))
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(EnvelopeForwarder(continuation: continuation))
                }
            }
            .bind(host: "0.0.0.0", port: 0)
            .get()
        defer { channel.close(promise: nil) }
        return try await withThrowingTaskGroup(of: [Pong].self) { tasks in
            tasks.addTask {
                var found: [String: Pong] = [:]
                for await envelope in datagrams {
                    guard let host = envelope.remoteAddress.ipAddress,
                          let pong = try? ASFPresencePong.decode(Array(envelope.data.readableBytesView))
                    else { continue }
                    found[host] = Pong(host: host, supportsIPMI: pong.supportsIPMI)
                }
                return Array(found.values)
            }
            let ping = ASFPresencePing(messageTag: 0x54).encode()
            for (index, host) in hosts.enumerated() {
                guard let address = try? SocketAddress(ipAddress: host, port: port) else { continue }
                try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: ping)))
                // ~1000 pings per second at most.
                if index % 16 == 15 { try await Task.sleep(for: .milliseconds(16)) }
            }
            try await Task.sleep(for: timeout)
            continuation.finish()
            let found = try await tasks.next() ?? []
            return found.sorted { (IPv4Range.parse($0.host) ?? 0) < (IPv4Range.parse($1.host) ?? 0) }
        }
    }
}

/// Forwards every datagram into an `AsyncStream`; ICMP errors are ignored (a silent host).
final class EnvelopeForwarder: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    private let continuation: AsyncStream<AddressedEnvelope<ByteBuffer>>.Continuation

    init(continuation: AsyncStream<AddressedEnvelope<ByteBuffer>>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}
