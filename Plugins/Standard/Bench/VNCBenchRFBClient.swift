import NIOCore
import RFB

/// The bench viewer's RFB side: logs in (security None) with the pure `RFBClientHandshake`,
/// asks for Raw full-screen updates and counts them. Used from one task at a time.
final class VNCBenchRFBClient {
    private var inbound: any AsyncIteratorProtocol<ByteBuffer, any Error>
    private let write: @Sendable (ByteBuffer) async throws -> Void
    /// Bytes received during the handshake that belong to what follows it.
    private var pending = ByteBuffer()

    init(inbound: some AsyncSequence<ByteBuffer, any Error>, write: @escaping @Sendable (ByteBuffer) async throws -> Void) {
        self.inbound = inbound.makeAsyncIterator()
        self.write = write
    }

    /// Runs the handshake up to ServerInit.
    func handshake() async throws -> RFBServerInit {
        var handshake = RFBClientHandshake(configuration: .init(password: nil))
        while true {
            guard let buffer = try await inbound.next() else { throw VNCBenchFailure(description: "the server closed during the RFB handshake") }
            for action in try handshake.receive(Array(buffer.readableBytesView)) {
                switch action {
                case .send(let reply): try await write(ByteBuffer(bytes: reply))
                case .startTLS(let subtype): throw RFBHandshakeError.tlsNotSupported(subtype)
                case .completed(let completion):
                    pending = ByteBuffer(bytes: completion.trailingBytes)
                    return completion.serverInit
                }
            }
        }
    }

    /// SetEncodings with only Raw.
    func requestRawEncoding() async throws {
        try await write(ByteBuffer(bytes: [2, 0, 0, 1, 0, 0, 0, 0]))
    }

    /// A non-incremental FramebufferUpdateRequest for the whole screen.
    func requestUpdate(_ serverInit: RFBServerInit) async throws {
        let width = serverInit.framebufferWidth, height = serverInit.framebufferHeight
        try await write(ByteBuffer(bytes: [3, 0, 0, 0, 0, 0, UInt8(width >> 8), UInt8(width & 0xFF), UInt8(height >> 8), UInt8(height & 0xFF)]))
    }

    /// Feeds the server's bytes to `counter` until `updates` more FramebufferUpdates are complete.
    func count(updates: Int, with counter: inout VNCBenchUpdateCounter) async throws {
        var seen = 0
        if pending.readableBytes > 0 {
            seen += try counter.consume(pending)
            pending.clear()
        }
        while seen < updates {
            guard let buffer = try await inbound.next() else { throw VNCBenchFailure(description: "the server closed the stream") }
            seen += try counter.consume(buffer)
        }
    }
}
