import NIOCore
import NIOPosix

/// The gateway's end of the `ssh -R` tunnel: connects to the reverse-forwarded port on
/// 127.0.0.1 and drives ``LinkBenchTCPEndpoint`` through it. Every loop is bounded by its
/// count and by `deadline`.
struct LinkBenchTCPClient {
    let port: Int
    let deadline: ContinuousClock.Instant

    /// Writes `bytes` through the tunnel (connection set-up included) until the far end
    /// confirmed them.
    func upload(_ bytes: Int) async throws -> LinkBenchThroughput {
        let start = ContinuousClock.now
        let received = try await connect { inbound, outbound in
            var header = ByteBuffer(integer: LinkBenchTCPMode.sink)
            header.writeInteger(UInt64(bytes))
            try await outbound.write(header)
            var left = bytes
            while left > 0 {
                try check("ssh tunnel upload")
                let size = min(left, LinkBenchPayload.chunk.readableBytes)
                try await outbound.write(LinkBenchPayload.chunk.getSlice(at: 0, length: size) ?? ByteBuffer())
                left -= size
            }
            var reader = LinkBenchTCPReader(inbound)
            return try await reader.read(UInt64.self)
        }
        guard received == UInt64(bytes) else {
            throw LinkBenchError.failed("the ssh tunnel delivered \(received.map(String.init) ?? "no count") of \(bytes) bytes")
        }
        return LinkBenchThroughput(bytes: bytes, seconds: (ContinuousClock.now - start).seconds)
    }

    /// Reads `bytes` from the far end through the tunnel (connection set-up included).
    func download(_ bytes: Int) async throws -> LinkBenchThroughput {
        let start = ContinuousClock.now
        let received = try await connect { inbound, outbound in
            var header = ByteBuffer(integer: LinkBenchTCPMode.source)
            header.writeInteger(UInt64(bytes))
            try await outbound.write(header)
            var received = 0
            for try await buffer in inbound {
                try check("ssh tunnel download")
                received += buffer.readableBytes
                if received >= bytes { break }
            }
            return received
        }
        guard received == bytes else { throw LinkBenchError.failed("the ssh tunnel delivered \(received) of \(bytes) bytes") }
        return LinkBenchThroughput(bytes: bytes, seconds: (ContinuousClock.now - start).seconds)
    }

    /// `count` sequential round trips of `size` bytes through the tunnel, after `warmup`.
    func roundTrips(_ count: Int, warmup: Int, size: Int = 32) async throws -> LatencySamples {
        try await connect { inbound, outbound in
            try await outbound.write(ByteBuffer(integer: LinkBenchTCPMode.echo))
            var reader = LinkBenchTCPReader(inbound)
            let message = ByteBuffer(repeating: 0x2A, count: size)
            var samples = LatencySamples(capacity: count)
            for index in 0..<(warmup + count) {
                try check("ssh tunnel round trips")
                let start = ContinuousClock.now
                try await outbound.write(message)
                guard try await reader.discard(upTo: UInt64(size)) == UInt64(size) else {
                    throw LinkBenchError.failed("the ssh tunnel closed during round trip \(index)")
                }
                if index >= warmup { samples.record(ContinuousClock.now - start) }
            }
            return samples
        }
    }

    /// Whether a connection to the port reaches the endpoint now (an echoed byte): sshd
    /// accepts on the forwarded port as soon as the forward is set up.
    func reachesEndpoint() async -> Bool {
        let echoed = try? await connect { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: [LinkBenchTCPMode.echo, 1]))
            var reader = LinkBenchTCPReader(inbound)
            return try await reader.read(UInt8.self)
        }
        return echoed == 1
    }

    private func check(_ what: String) throws {
        guard ContinuousClock.now < deadline else { throw LinkBenchError.timeout(what) }
    }

    private func connect<T: Sendable>(
        _ body: (NIOAsyncChannelInboundStream<ByteBuffer>, NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws -> T
    ) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        return try await channel.executeThenClose { inbound, outbound in try await body(inbound, outbound) }
    }
}
