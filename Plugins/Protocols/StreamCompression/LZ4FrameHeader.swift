import CLZ4

/// The 9-byte header of one `LZ4FrameCodec` frame, validated against a decoder's limit.
public struct LZ4FrameHeader: Sendable, Hashable {
    /// Whether the stored bytes are one LZ4 block (otherwise they are the payload itself).
    public let isCompressed: Bool
    /// Length of the payload the frame decodes to.
    public let decodedLength: Int
    /// Length of the bytes after the header.
    public let storedLength: Int

    /// Reads the header at the start of `bytes`; `nil` while fewer than 9 bytes are there.
    /// - Throws: `LZ4FrameError` for an unknown flag, lengths that cannot belong together, or
    ///   a decoded length above `maximumFrameLength`.
    public init?(parsing bytes: UnsafeRawBufferPointer, maximumFrameLength: Int) throws(LZ4FrameError) {
        guard bytes.count >= LZ4FrameCodec.headerLength else { return nil }
        func uint32(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
        }
        try self.init(flag: bytes[0], decodedLength: uint32(at: 1), storedLength: uint32(at: 5), maximumFrameLength: maximumFrameLength)
    }

    /// Validates header fields read elsewhere (`LZ4FrameDecoder`).
    init(flag: UInt8, decodedLength: UInt32, storedLength: UInt32, maximumFrameLength: Int) throws(LZ4FrameError) {
        guard decodedLength <= maximumFrameLength else {
            throw .frameTooLarge(length: UInt64(decodedLength), limit: maximumFrameLength)
        }
        switch flag {
        case LZ4FrameCodec.storedFlag:
            guard storedLength == decodedLength else {
                throw .storedLengthMismatch(decodedLength: UInt64(decodedLength), storedLength: UInt64(storedLength))
            }
        case LZ4FrameCodec.compressedFlag:
            let bound = LZ4_compressBound(Int32(decodedLength))
            guard storedLength > 0, bound > 0, storedLength <= UInt32(bound) else {
                throw .invalidCompressedLength(decodedLength: UInt64(decodedLength), storedLength: UInt64(storedLength))
            }
        default:
            throw .unknownFlag(flag)
        }
        isCompressed = flag == LZ4FrameCodec.compressedFlag
        self.decodedLength = Int(decodedLength)
        self.storedLength = Int(storedLength)
    }
}
