import Kernel
import NIOCore
import RFB

/// A minimal RFB client for tests and the bench: logs in with the pure `RFBClientHandshake`
/// (None, or VNC Authentication with a password), then sends raw client messages and reads
/// the server's bytes. Used from one task at a time.
public final class RFBTestClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var inbound: any AsyncIteratorProtocol<ByteBuffer, any Error>
    private let write: @Sendable (ByteBuffer) async throws -> Void
    /// Bytes received but not yet consumed.
    private var pending: [UInt8] = []
    /// The first MiB of everything received, for checks on what the server sent.
    public private(set) var transcript: [UInt8] = []

    public init(inbound: some AsyncSequence<ByteBuffer, any Error>, write: @escaping @Sendable (ByteBuffer) async throws -> Void) {
        self.inbound = inbound.makeAsyncIterator()
        self.write = write
    }

    /// A client on the opener's end of a bus stream.
    public convenience init(_ duplex: Duplex) {
        self.init(inbound: duplex.inbound, write: { try await duplex.outbound.write($0) })
    }

    /// Runs the handshake up to ServerInit.
    /// - Throws: `RFBHandshakeError` as the server refused or failed us.
    public func handshake(password: String? = nil) async throws -> RFBServerInit {
        var handshake = RFBClientHandshake(configuration: .init(password: password))
        while true {
            let bytes = pending.isEmpty ? try await nextBuffer() : take(pending.count)
            for action in try handshake.receive(bytes) {
                switch action {
                case .send(let reply): try await send(reply)
                case .startTLS(let subtype): throw RFBHandshakeError.tlsNotSupported(subtype)
                case .completed(let completion):
                    pending = completion.trailingBytes + pending
                    return completion.serverInit
                }
            }
        }
    }

    public func send(_ bytes: [UInt8]) async throws {
        try await write(ByteBuffer(bytes: bytes))
    }

    /// SetEncodings with only Raw, so updates are predictable.
    public func requestRawEncoding() async throws {
        try await send([2, 0, 0, 1, 0, 0, 0, 0])
    }

    /// A FramebufferUpdateRequest for the whole screen.
    public func requestUpdate(_ serverInit: RFBServerInit, incremental: Bool = false) async throws {
        let width = serverInit.framebufferWidth, height = serverInit.framebufferHeight
        try await send([3, incremental ? 1 : 0, 0, 0, 0, 0,
                        UInt8(width >> 8), UInt8(width & 0xFF), UInt8(height >> 8), UInt8(height & 0xFF)])
    }

    /// A KeyEvent (press and release) for an X11 keysym.
    public func tap(keysym: UInt32) async throws {
        for down: UInt8 in [1, 0] {
            try await send([4, down, 0, 0, UInt8(keysym >> 24), UInt8((keysym >> 16) & 0xFF), UInt8((keysym >> 8) & 0xFF), UInt8(keysym & 0xFF)])
        }
    }

    /// The next buffer from the server (pending bytes first); throws at end of stream.
    public func nextBuffer() async throws -> [UInt8] {
        if !pending.isEmpty { return take(pending.count) }
        guard let buffer = try await receive() else { throw Failure(description: "the server closed the stream") }
        return Array(buffer.readableBytesView)
    }

    private func receive() async throws -> ByteBuffer? {
        guard let buffer = try await inbound.next() else { return nil }
        if transcript.count < 1 << 20 { transcript += buffer.readableBytesView.prefix((1 << 20) - transcript.count) }
        return buffer
    }

    /// Exactly `count` bytes from the server.
    public func read(_ count: Int) async throws -> [UInt8] {
        while pending.count < count {
            guard let buffer = try await receive() else {
                throw Failure(description: "the server closed the stream after \(pending.count) of \(count) bytes")
            }
            pending += buffer.readableBytesView
        }
        return take(count)
    }

    /// Feeds the server's bytes to `counter` until `updates` more FramebufferUpdates are complete.
    public func count(updates: Int, with counter: inout RFBUpdateCounter) async throws {
        var seen = 0
        if !pending.isEmpty { seen += try counter.consume(ByteBuffer(bytes: take(pending.count))) }
        while seen < updates {
            guard let buffer = try await receive() else { throw Failure(description: "the server closed the stream") }
            seen += try counter.consume(buffer)
        }
    }

    /// Reads until the server ends the stream; returns how it ended (`nil`: normally) and
    /// how many bytes came before. Stops after `limit` bytes.
    public func readToEnd(limit: Int = 64 << 20) async -> (error: (any Error)?, bytes: Int) {
        var total = pending.count
        pending = []
        do {
            while let buffer = try await receive() {
                total += buffer.readableBytes
                if total > limit { return (Failure(description: "more than \(limit) bytes"), total) }
            }
            return (nil, total)
        } catch {
            return (error, total)
        }
    }

    private func take(_ count: Int) -> [UInt8] {
        let bytes = Array(pending.prefix(count))
        pending.removeFirst(bytes.count)
        return bytes
    }
}
