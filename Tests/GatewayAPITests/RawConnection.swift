import GatewayTesting
import NIOCore
import NIOPosix

/// A plain TCP connection to the gateway for what well-behaved clients never send: refused
/// handshakes read byte for byte, garbage WebSocket frames.
struct RawConnection {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// Everything received so far.
    var received: [UInt8] = []
    var closed = false

    /// Connects to 127.0.0.1:`port` and runs `body`, bounded by `limit`.
    static func run<T: Sendable>(
        port: Int, limit: Duration = .seconds(10), _ body: @escaping @Sendable (inout RawConnection) async throws -> T
    ) async throws -> T {
        try await Deadline.run(limit) {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            return try await channel.executeThenClose { inbound, outbound in
                var connection = RawConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                return try await body(&connection)
            }
        }
    }

    /// What arrived after the HTTP head (WebSocket frames after a 101).
    var afterHead: [UInt8] {
        guard let end = RawResponse.headEnd(in: received) else { return [] }
        return Array(received[(end + 4)...])
    }

    func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Reads until `done` holds for what was received, or the peer closes; returns `done`'s verdict.
    @discardableResult
    mutating func read(until done: ([UInt8]) -> Bool) async throws -> Bool {
        while !done(received) {
            // A reset after the server closed on garbage ends the reading like a close.
            guard let buffer = try? await inbound.next() else {
                closed = true
                return done(received)
            }
            received += Array(buffer.readableBytesView)
        }
        return true
    }

    mutating func readToEnd() async throws {
        try await read { _ in false }
    }

    /// Sends a WebSocket upgrade for `path` and reads the answer's head.
    mutating func handshake(_ path: String, headers: [String: String] = [:]) async throws -> RawResponse {
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try await send(request + "\r\n")
        try await read { RawResponse.headEnd(in: $0) != nil }
        guard let response = RawResponse(received) else { throw TestFailure("no HTTP answer: \(String(decoding: received, as: UTF8.self))") }
        return response
    }

    /// Reads a refused handshake's whole answer (the server closes after it).
    mutating func refusal(_ path: String, headers: [String: String] = [:]) async throws -> RawResponse {
        _ = try await handshake(path, headers: headers)
        try await readToEnd()
        guard let response = RawResponse(received) else { throw TestFailure("no HTTP answer") }
        return response
    }
}
