/// The ServerInit message (RFC 6143 7.3.2), parsed, with the exact bytes the server sent so
/// they can be replayed to a viewer unchanged.
public struct RFBServerInit: Sendable, Hashable {
    public let framebufferWidth: UInt16
    public let framebufferHeight: UInt16
    public let pixelFormat: RFBPixelFormat
    /// The desktop name, decoded as UTF-8 (invalid sequences replaced).
    public let name: String
    /// The complete message as received: width, height, pixel format, name length and name.
    public let rawBytes: [UInt8]

    /// Bytes before the name: width (2), height (2), pixel format (16), name length (4).
    static let fixedLength = 24

    /// Default upper bound on the desktop name length; real servers send a few dozen bytes.
    public static let defaultMaximumNameLength = 1 << 20

    /// Parses one complete ServerInit message.
    /// - Throws: `RFBHandshakeError` if `bytes` is truncated, has extra bytes, or its name
    ///   length exceeds `maximumNameLength`.
    public init(bytes: [UInt8], maximumNameLength: Int = defaultMaximumNameLength) throws(RFBHandshakeError) {
        var queue = RFBByteQueue()
        queue.append(contentsOf: bytes)
        guard let parsed = try Self.take(from: &queue, maximumNameLength: maximumNameLength) else {
            throw .truncated("ServerInit of \(bytes.count) bytes")
        }
        guard queue.count == 0 else {
            throw .malformed("ServerInit has \(queue.count) bytes after the desktop name")
        }
        self = parsed
    }

    /// The caller guarantees at least `fixedLength` bytes.
    private init(rawBytes: [UInt8]) {
        self.rawBytes = rawBytes
        framebufferWidth = rawBytes.bigEndianUInt16(at: 0)
        framebufferHeight = rawBytes.bigEndianUInt16(at: 2)
        pixelFormat = RFBPixelFormat(wireBytes: rawBytes, at: 4)
        name = String(decoding: rawBytes[Self.fixedLength...], as: UTF8.self)
    }

    /// Takes one ServerInit from the front of `queue`, or returns `nil` (consuming nothing)
    /// while it is incomplete.
    static func take(from queue: inout RFBByteQueue, maximumNameLength: Int) throws(RFBHandshakeError) -> RFBServerInit? {
        guard let nameLength = queue.uint32(at: 20) else { return nil }
        guard nameLength <= maximumNameLength else {
            throw .lengthLimitExceeded(field: "ServerInit name length", length: UInt64(nameLength), limit: maximumNameLength)
        }
        guard let bytes = queue.take(fixedLength + Int(nameLength)) else { return nil }
        return RFBServerInit(rawBytes: bytes)
    }
}
