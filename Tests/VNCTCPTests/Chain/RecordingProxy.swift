import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 in front of a link listener that keeps every byte crossing it
/// (both directions, first 256 MiB), so a test can look for a secret on the wire.
final class RecordingProxy: Sendable {
    let port: Int
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let recorded = Mutex<[UInt8]>([])

    /// Everything forwarded so far, both directions interleaved.
    var bytes: [UInt8] { recorded.withLock { $0 } }

    /// Whether `text` crossed the proxy in either direction.
    func saw(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        let haystack = bytes
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in haystack[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// Forgets what was recorded so far.
    func reset() { recorded.withLock { $0 = [] } }

    private func record(_ buffer: ByteBuffer) {
        recorded.withLock { if $0.count < 256 << 20 { $0 += buffer.readableBytesView } }
    }

    private init(port: Int, listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>) {
        self.port = port
        self.listener = listener
    }

    /// Forwards every connection to 127.0.0.1:`target` while `body` runs.
    static func run<T: Sendable>(to target: Int, _ body: @Sendable (RecordingProxy) async throws -> T) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
            }
        let proxy = RecordingProxy(port: listener.channel.localAddress?.port ?? 0, listener: listener)
        let serving = Task { await proxy.serve(target: target) }
        defer {
            listener.channel.close(promise: nil)
            serving.cancel()
        }
        return try await body(proxy)
    }

    private func serve(target: Int) async {
        try? await listener.executeThenClose { clients in
            try await withThrowingDiscardingTaskGroup { group in
                for try await client in clients {
                    group.addTask { try? await self.forward(client, to: target) }
                }
            }
        }
    }

    private func forward(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>, to target: Int) async throws {
        // The client's channel is closed through executeThenClose even when the upstream
        // connection fails (a listener that is not up yet).
        try await client.executeThenClose { clientIn, clientOut in
            let upstream = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: target) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
            try await upstream.executeThenClose { upIn, upOut in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await buffer in clientIn {
                            self.record(buffer)
                            try await upOut.write(buffer)
                        }
                    }
                    group.addTask {
                        for try await buffer in upIn {
                            self.record(buffer)
                            try await clientOut.write(buffer)
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        }
    }
}
