import Logging
import NIOCore
import RFB

/// Shared pieces for the real-peer tests.
enum RFBTestSupport {
    static let logger = Logger(label: "rfb.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A FramebufferUpdateRequest for the whole screen.
    static func fullUpdateRequest(for serverInit: RFBServerInit, incremental: Bool = false) -> [UInt8] {
        [3, incremental ? 1 : 0, 0, 0, 0, 0]
            + Bytes.uint16(serverInit.framebufferWidth) + Bytes.uint16(serverInit.framebufferHeight)
    }

    /// Reads one raw-encoded FramebufferUpdate and returns its rectangles and total size.
    /// Fails on any other message or encoding, which a fresh QEMU session does not send.
    static func readRawFramebufferUpdate(
        from inbound: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        bytesPerPixel: Int
    ) async throws -> (rectangles: [(x: Int, y: Int, width: Int, height: Int)], bytes: Int) {
        var reader = ByteReader()
        try await reader.fill(4, from: &inbound)
        guard reader.byte(0) == 0 else { throw ReadFailure("expected FramebufferUpdate, got type \(reader.byte(0))") }
        let count = reader.uint16(2)
        var offset = 4
        var rectangles: [(x: Int, y: Int, width: Int, height: Int)] = []
        for _ in 0..<count {
            try await reader.fill(offset + 12, from: &inbound)
            let rectangle = (x: reader.uint16(offset), y: reader.uint16(offset + 2),
                             width: reader.uint16(offset + 4), height: reader.uint16(offset + 6))
            let encoding = reader.uint32(offset + 8)
            guard encoding == 0 else { throw ReadFailure("expected raw encoding, got \(encoding)") }
            offset += 12 + rectangle.width * rectangle.height * bytesPerPixel
            rectangles.append(rectangle)
        }
        try await reader.fill(offset, from: &inbound)
        return (rectangles, offset)
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Accumulates inbound buffers for the update reader.
    struct ByteReader {
        var bytes: [UInt8] = []

        mutating func fill(_ count: Int, from inbound: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) async throws {
            while bytes.count < count {
                guard let buffer = try await inbound.next() else {
                    throw ReadFailure("connection closed after \(bytes.count) of \(count) bytes")
                }
                bytes += buffer.readableBytesView
            }
        }

        func byte(_ offset: Int) -> UInt8 { bytes[offset] }
        func uint16(_ offset: Int) -> Int { Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) }
        func uint32(_ offset: Int) -> UInt32 { UInt32(uint16(offset)) << 16 | UInt32(uint16(offset + 2)) }
    }
}
