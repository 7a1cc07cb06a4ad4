import NIOCore

/// Reads fixed-size values and runs of bytes from an inbound TCP stream.
struct LinkBenchTCPReader {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending = ByteBuffer()

    init(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) {
        iterator = inbound.makeAsyncIterator()
    }

    /// The next big-endian integer, or nil at the end of the stream.
    mutating func read<T: FixedWidthInteger>(_: T.Type) async throws -> T? {
        while pending.readableBytes < MemoryLayout<T>.size {
            guard var next = try await iterator.next() else { return nil }
            pending.writeBuffer(&next)
        }
        return pending.readInteger(as: T.self)
    }

    /// What is buffered, else the next buffer; nil at the end of the stream.
    mutating func next() async throws -> ByteBuffer? {
        if pending.readableBytes > 0 {
            defer { pending.clear() }
            return pending
        }
        return try await iterator.next()
    }

    /// Reads and drops `count` bytes (fewer if the stream ends first); returns how many.
    mutating func discard(upTo count: UInt64) async throws -> UInt64 {
        var received: UInt64 = 0
        while received < count, let buffer = try await next() {
            received += UInt64(buffer.readableBytes)
        }
        return received
    }
}
