/// Reads frames written by `LZ4FrameCodec.encode(_:maximumFrameLength:)` from a byte stream
/// that may arrive in arbitrary pieces. Frames claiming more than the limit are rejected
/// before any memory is allocated for them.
public struct LZ4FrameDecoder: Sendable {
    private let maximumFrameLength: Int
    private var input = FrameByteQueue()
    private var failure: LZ4FrameError?

    public init(maximumFrameLength: Int = LZ4FrameCodec.defaultMaximumFrameLength) {
        self.maximumFrameLength = min(max(0, maximumFrameLength), LZ4FrameCodec.largestFrameLength)
    }

    /// Bytes buffered but not yet returned as a frame.
    public var bufferedByteCount: Int { input.count }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        input.append(contentsOf: bytes)
    }

    /// Returns the next decoded frame (possibly empty), or `nil` when more bytes are needed.
    /// - Throws: `LZ4FrameError` for a malformed or oversized frame; every later call throws it.
    public mutating func nextFrame() throws(LZ4FrameError) -> [UInt8]? {
        if let failure { throw failure }
        do throws(LZ4FrameError) {
            return try decodeNextFrame()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func decodeNextFrame() throws(LZ4FrameError) -> [UInt8]? {
        guard let flag = input.byte(at: 0),
              let decodedLength = input.uint32(at: 1),
              let storedLength = input.uint32(at: 5)
        else { return nil }
        let header = try LZ4FrameHeader(
            flag: flag, decodedLength: decodedLength, storedLength: storedLength, maximumFrameLength: maximumFrameLength)
        guard input.count >= LZ4FrameCodec.headerLength + Int(storedLength),
              input.take(LZ4FrameCodec.headerLength) != nil,
              let stored = input.take(Int(storedLength))
        else { return nil }
        guard header.isCompressed else { return stored }
        return try LZ4FrameCodec.decompress(stored, header: header)
    }
}
