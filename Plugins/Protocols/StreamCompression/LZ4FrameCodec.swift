import CLZ4

/// Frames for a compressed byte stream (for example an RFB session relayed over a tunnel).
///
/// Each frame is a 9-byte header followed by the stored bytes:
///
///     flag (1 byte)          0 = stored raw, 1 = one LZ4 block
///     decoded length (u32)   big-endian, at most the decoder's limit (default 4 MiB)
///     stored length (u32)    big-endian; equals the decoded length for raw frames
///
/// Data that LZ4 cannot shrink is stored raw, so a frame is never more than 9 bytes larger
/// than its payload. Empty frames are allowed. `LZ4FrameDecoder` reads the stream back.
public enum LZ4FrameCodec {
    /// Size of the frame header.
    public static let headerLength = 9
    /// Default and recommended largest decoded frame.
    public static let defaultMaximumFrameLength = 4 * 1024 * 1024

    /// LZ4's own input limit (LZ4_MAX_INPUT_SIZE); larger limits are clamped to it.
    static let largestFrameLength = 0x7E00_0000

    static let storedFlag: UInt8 = 0
    static let compressedFlag: UInt8 = 1

    /// Encodes `payload` as one frame, compressed when that makes it smaller.
    /// - Throws: `LZ4FrameError.frameTooLarge` when `payload` exceeds `maximumFrameLength`.
    public static func encode(_ payload: [UInt8], maximumFrameLength: Int = defaultMaximumFrameLength) throws(LZ4FrameError) -> [UInt8] {
        guard payload.count <= min(maximumFrameLength, largestFrameLength) else {
            throw .frameTooLarge(length: UInt64(payload.count), limit: maximumFrameLength)
        }
        if let compressed = compress(payload), compressed.count < payload.count {
            return header(flag: compressedFlag, decodedLength: payload.count, storedLength: compressed.count) + compressed
        }
        return header(flag: storedFlag, decodedLength: payload.count, storedLength: payload.count) + payload
    }

    private static func header(flag: UInt8, decodedLength: Int, storedLength: Int) -> [UInt8] {
        var bytes: [UInt8] = [flag]
        bytes.reserveCapacity(headerLength)
        for value in [UInt32(truncatingIfNeeded: decodedLength), UInt32(truncatingIfNeeded: storedLength)] {
            bytes += [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                      UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
        }
        return bytes
    }

    /// One LZ4 block, or `nil` when the payload is empty or LZ4 reports an error.
    private static func compress(_ payload: [UInt8]) -> [UInt8]? {
        guard !payload.isEmpty else { return nil }
        let sourceLength = Int32(payload.count)
        let capacity = LZ4_compressBound(sourceLength)
        guard capacity > 0 else { return nil }
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let written = payload.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination -> Int32 in
                guard let sourceBase = source.baseAddress, let destinationBase = destination.baseAddress else { return 0 }
                return LZ4_compress_default(
                    sourceBase.assumingMemoryBound(to: CChar.self),
                    destinationBase.assumingMemoryBound(to: CChar.self),
                    sourceLength, capacity
                )
            }
        }
        guard written > 0 else { return nil }
        output.removeSubrange(Int(written)...)
        return output
    }

    /// Decompresses one LZ4 block that must expand to exactly `decodedLength` bytes.
    static func decompress(_ block: [UInt8], decodedLength: Int) throws(LZ4FrameError) -> [UInt8] {
        guard decodedLength > 0, !block.isEmpty else { throw .corruptCompressedData(decodedLength: decodedLength) }
        var output = [UInt8](repeating: 0, count: decodedLength)
        let produced = block.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination -> Int32 in
                guard let sourceBase = source.baseAddress, let destinationBase = destination.baseAddress else { return -1 }
                return LZ4_decompress_safe(
                    sourceBase.assumingMemoryBound(to: CChar.self),
                    destinationBase.assumingMemoryBound(to: CChar.self),
                    Int32(block.count), Int32(decodedLength)
                )
            }
        }
        guard produced == decodedLength else { throw .corruptCompressedData(decodedLength: decodedLength) }
        return output
    }
}
