import NIOCore

/// Follows a server-to-client RFB stream whose FramebufferUpdates use only Raw encoding and
/// counts complete updates and their bytes, without copying pixel data (for throughput
/// measurements). Also steps over Bell, ServerCutText, SetColourMapEntries,
/// EndOfContinuousUpdates and ServerFence.
public struct RFBUpdateCounter: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private enum Step: Sendable {
        case messageType
        case header(type: UInt8, length: Int)
        case rectangleHeader(remaining: Int)
        case skip(bytes: Int, then: After)
    }

    private enum After: Sendable {
        case nextMessage
        case rectangles(remaining: Int)
    }

    private let bytesPerPixel: Int
    private var step = Step.messageType
    private var pending: [UInt8] = []

    /// Complete FramebufferUpdate messages seen.
    public private(set) var updates = 0
    /// Bytes of all messages seen, headers included.
    public private(set) var bytes = 0

    public init(bytesPerPixel: Int) {
        self.bytesPerPixel = bytesPerPixel
    }

    /// Consumes `buffer`; returns how many FramebufferUpdates it completed.
    public mutating func consume(_ buffer: ByteBuffer) throws -> Int {
        var buffer = buffer
        bytes += buffer.readableBytes
        let before = updates
        while buffer.readableBytes > 0 {
            switch step {
            case .skip(let count, let after):
                let taken = min(count, buffer.readableBytes)
                buffer.moveReaderIndex(forwardBy: taken)
                step = taken == count ? next(after) : .skip(bytes: count - taken, then: after)
            case .messageType:
                guard let type = buffer.readInteger(as: UInt8.self) else { break }
                switch type {
                case 0: step = .header(type: 0, length: 3)
                case 1: step = .header(type: 1, length: 5)
                case 2: step = .messageType
                case 3: step = .header(type: 3, length: 7)
                case 150: step = .messageType
                case 248: step = .header(type: 248, length: 8)
                default: throw Failure(description: "unexpected server message type \(type)")
                }
            case .header(let type, let length):
                guard fill(length, from: &buffer) else { break }
                let header = pending
                pending = []
                step = try afterHeader(type: type, header)
            case .rectangleHeader(let remaining):
                guard fill(12, from: &buffer) else { break }
                let header = pending
                pending = []
                let width = Int(header[4]) << 8 | Int(header[5])
                let height = Int(header[6]) << 8 | Int(header[7])
                let encoding = UInt32(header[8]) << 24 | UInt32(header[9]) << 16 | UInt32(header[10]) << 8 | UInt32(header[11])
                guard encoding == 0 else { throw Failure(description: "unexpected encoding \(Int32(bitPattern: encoding))") }
                step = .skip(bytes: width * height * bytesPerPixel, then: .rectangles(remaining: remaining - 1))
                if width * height == 0 { step = next(.rectangles(remaining: remaining - 1)) }
            }
        }
        return updates - before
    }

    private mutating func fill(_ length: Int, from buffer: inout ByteBuffer) -> Bool {
        let wanted = min(length - pending.count, buffer.readableBytes)
        pending += buffer.readBytes(length: wanted) ?? []
        return pending.count == length
    }

    private mutating func afterHeader(type: UInt8, _ header: [UInt8]) throws -> Step {
        switch type {
        case 0:
            let count = Int(header[1]) << 8 | Int(header[2])
            return next(.rectangles(remaining: count))
        case 1:
            let colours = Int(header[3]) << 8 | Int(header[4])
            return .skip(bytes: colours * 6, then: .nextMessage)
        case 3:
            let length = Int(header[3]) << 24 | Int(header[4]) << 16 | Int(header[5]) << 8 | Int(header[6])
            return .skip(bytes: length, then: .nextMessage)
        default:
            return .skip(bytes: Int(header[7]), then: .nextMessage)
        }
    }

    private mutating func next(_ after: After) -> Step {
        switch after {
        case .nextMessage:
            return .messageType
        case .rectangles(let remaining):
            guard remaining > 0 else {
                updates += 1
                return .messageType
            }
            return .rectangleHeader(remaining: remaining)
        }
    }
}
