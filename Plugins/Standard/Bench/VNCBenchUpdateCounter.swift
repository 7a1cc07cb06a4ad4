import NIOCore

/// Follows the bench server's RFB stream (FramebufferUpdates with Raw rectangles only) and
/// counts complete updates and their bytes without copying pixel data.
struct VNCBenchUpdateCounter {
    private enum Step {
        case messageType
        case updateHeader
        case rectangleHeader(remaining: Int)
        case pixels(remaining: Int, rectanglesLeft: Int)
    }

    private let bytesPerPixel: Int
    private var step = Step.messageType
    /// A header split across buffers.
    private var partial: [UInt8] = []

    /// Complete FramebufferUpdate messages seen.
    private(set) var updates = 0
    /// Bytes seen, headers included.
    private(set) var bytes = 0

    init(bytesPerPixel: Int) {
        self.bytesPerPixel = bytesPerPixel
    }

    /// Consumes `buffer`; returns how many FramebufferUpdates it completed.
    mutating func consume(_ buffer: ByteBuffer) throws -> Int {
        var buffer = buffer
        bytes += buffer.readableBytes
        let before = updates
        while buffer.readableBytes > 0 {
            switch step {
            case .messageType:
                let type = buffer.readInteger(as: UInt8.self) ?? 0
                guard type == 0 else { throw VNCBenchFailure(description: "unexpected RFB server message type \(type)") }
                step = .updateHeader
            case .updateHeader:
                guard let header = fill(3, from: &buffer) else { break }
                step = rectangles(Int(header[1]) << 8 | Int(header[2]))
            case .rectangleHeader(let remaining):
                guard let header = fill(12, from: &buffer) else { break }
                guard header[8...11].allSatisfy({ $0 == 0 }) else { throw VNCBenchFailure(description: "an update rectangle is not Raw") }
                let pixels = (Int(header[4]) << 8 | Int(header[5])) * (Int(header[6]) << 8 | Int(header[7])) * bytesPerPixel
                step = pixels > 0 ? .pixels(remaining: pixels, rectanglesLeft: remaining - 1) : rectangles(remaining - 1)
            case .pixels(let remaining, let rectanglesLeft):
                let taken = min(remaining, buffer.readableBytes)
                buffer.moveReaderIndex(forwardBy: taken)
                step = taken == remaining ? rectangles(rectanglesLeft) : .pixels(remaining: remaining - taken, rectanglesLeft: rectanglesLeft)
            }
        }
        return updates - before
    }

    /// The `length`-byte header once complete (it may span buffers), else `nil`.
    private mutating func fill(_ length: Int, from buffer: inout ByteBuffer) -> [UInt8]? {
        partial += buffer.readBytes(length: min(length - partial.count, buffer.readableBytes)) ?? []
        guard partial.count == length else { return nil }
        defer { partial = [] }
        return partial
    }

    private mutating func rectangles(_ remaining: Int) -> Step {
        guard remaining > 0 else {
            updates += 1
            return .messageType
        }
        return .rectangleHeader(remaining: remaining)
    }
}
