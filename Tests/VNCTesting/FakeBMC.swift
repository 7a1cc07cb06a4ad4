import NIOCore
import NIOPosix
import Synchronization

/// A loopback VNC server with a fixed behaviour, for what QEMU cannot do on demand: broken
/// handshakes, absurd sizes, a session that stays open and answers every message.
public final class FakeBMC: Sendable {
    public enum Behaviour: Sendable {
        /// RFB 3.8, None, a 64x48 ServerInit; then a Bell (type 2) for every buffer received.
        case bellOnInput
        /// RFB 3.8, None, then a ServerInit whose name length is 4 GiB - 1.
        case absurdNameLength
        /// RFB 3.8 banner, reads the client's version, then closes (cleanly: nothing unread, so
        /// the client sees end-of-stream and not a reset).
        case truncatedHandshake
        /// Something that is not RFB.
        case notRFB
        /// RFB 3.8, VNC Authentication, always fails with "Authentication failed".
        case rejectsPassword
    }

    public let port: Int
    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let received = Mutex<[UInt8]>([])
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// Everything clients sent after their handshakes, in arrival order.
    public var bytesAfterHandshake: [UInt8] { received.withLock { $0 } }

    public static let serverInit: [UInt8] = [0, 64, 0, 48, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0, 0, 0, 0, 4]
        + Array("fake".utf8)

    private init(listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>) {
        self.listener = listener
        port = listener.channel.localAddress?.port ?? 0
    }

    /// Listens on 127.0.0.1 (a free port) and serves every client with `behaviour`.
    public static func start(_ behaviour: Behaviour) async throws -> FakeBMC {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
            }
        let bmc = FakeBMC(listener: listener)
        bmc.task.withLock { $0 = Task { await bmc.serve(behaviour) } }
        return bmc
    }

    public func stop() async {
        try? await listener.channel.close()
        let task = self.task.withLock { $0 }
        task?.cancel()
        await task?.value
    }

    private func serve(_ behaviour: Behaviour) async {
        try? await listener.executeThenClose { clients in
            await withDiscardingTaskGroup { group in
                do {
                    for try await client in clients {
                        group.addTask { try? await self.serve(client, behaviour) }
                    }
                } catch {}
                group.cancelAll()
            }
        }
    }

    private func serve(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>, _ behaviour: Behaviour) async throws {
        try await client.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var pending: [UInt8] = []
            func expect(_ count: Int) async throws -> Bool {
                while pending.count < count {
                    guard let buffer = try await iterator.next() else { return false }
                    pending += buffer.readableBytesView
                }
                pending.removeFirst(count)
                return true
            }
            func send(_ bytes: [UInt8]) async throws { try await outbound.write(ByteBuffer(bytes: bytes)) }

            switch behaviour {
            case .notRFB:
                try await send(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
                return
            case .truncatedHandshake:
                try await send(Array("RFB 003.008\n".utf8))
                _ = try await expect(12)
                return
            case .rejectsPassword:
                try await send(Array("RFB 003.008\n".utf8))
                guard try await expect(12) else { return }
                try await send([1, 2])
                guard try await expect(1) else { return }
                try await send([UInt8](repeating: 7, count: 16))
                guard try await expect(16) else { return }
                let reason = Array("Authentication failed".utf8)
                try await send([0, 0, 0, 1, 0, 0, 0, UInt8(reason.count)] + reason)
                return
            case .absurdNameLength, .bellOnInput:
                try await send(Array("RFB 003.008\n".utf8))
                guard try await expect(12) else { return }
                try await send([1, 1])
                guard try await expect(1) else { return }
                try await send([0, 0, 0, 0])
                guard try await expect(1) else { return }
                if case .absurdNameLength = behaviour {
                    try await send(Array(Self.serverInit[0..<20]) + [0xFF, 0xFF, 0xFF, 0xFF])
                    _ = try await expect(1)
                    return
                }
                try await send(Self.serverInit)
                if !pending.isEmpty {
                    received.withLock { $0 += pending }
                    try await send([2])
                }
                while let buffer = try await iterator.next() {
                    received.withLock { $0 += buffer.readableBytesView }
                    try await send([2])
                }
            }
        }
    }
}
