import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 in front of a local server (a link listener) that counts every
/// byte crossing it and, when asked, keeps them, so a test can see what goes on the wire:
/// how much a compressed stream puts there, or that a secret never does.
public final class LoopbackProxy: Sendable {
    /// Where clients connect instead of the target.
    public let port: Int
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let total = Atomic<Int>(0)
    private let recordingLimit: Int
    private let recorded = Mutex<[UInt8]>([])

    /// Bytes forwarded so far, both directions.
    public var forwardedByteCount: Int { total.load(ordering: .relaxed) }

    /// What was recorded so far (both directions interleaved, up to the recording limit).
    public var recordedBytes: [UInt8] { recorded.withLock { $0 } }

    /// Whether `text` crossed the proxy in either direction (within the recording limit).
    public func saw(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        let haystack = recordedBytes
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in haystack[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// Forgets what was recorded so far.
    public func reset() { recorded.withLock { $0 = [] } }

    private init(port: Int, listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, recordingLimit: Int) {
        self.port = port
        self.listener = listener
        self.recordingLimit = recordingLimit
    }

    /// Forwards every connection to 127.0.0.1:`target` while `body` runs; keeps the first
    /// `recordingLimit` bytes that cross (0: count only).
    public static func run<T: Sendable>(
        to target: Int, recordingLimit: Int = 0, _ body: @Sendable (LoopbackProxy) async throws -> T
    ) async throws -> T {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
            }
        let proxy = LoopbackProxy(port: listener.channel.localAddress?.port ?? 0, listener: listener, recordingLimit: recordingLimit)
        let serving = Task { await proxy.serve(target: target) }
        defer {
            listener.channel.close(promise: nil)
            serving.cancel()
        }
        return try await body(proxy)
    }

    private func observe(_ buffer: ByteBuffer) {
        total.add(buffer.readableBytes, ordering: .relaxed)
        guard recordingLimit > 0 else { return }
        recorded.withLock { if $0.count < recordingLimit { $0 += buffer.readableBytesView } }
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
                            self.observe(buffer)
                            try await upOut.write(buffer)
                        }
                    }
                    group.addTask {
                        for try await buffer in upIn {
                            self.observe(buffer)
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
