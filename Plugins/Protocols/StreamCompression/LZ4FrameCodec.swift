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
        let capacity = maximumEncodedLength(payloadCount: payload.count)
        var failure: LZ4FrameError?
        let frame = payload.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: capacity) { destination, initialized in
                do throws(LZ4FrameError) {
                    initialized = try encode(source, into: UnsafeMutableRawBufferPointer(destination), maximumFrameLength: maximumFrameLength)
                } catch {
                    failure = error
                    initialized = 0
                }
            }
        }
        if let failure { throw failure }
        return frame
    }

    /// Decodes the stored bytes of one frame (`header` validated by the caller).
    static func decompress(_ block: [UInt8], header: LZ4FrameHeader) throws(LZ4FrameError) -> [UInt8] {
        let decodedLength = header.decodedLength
        var failure: LZ4FrameError?
        let output = block.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: decodedLength) { destination, initialized in
                do throws(LZ4FrameError) {
                    try decode(stored: source, header: header, into: UnsafeMutableRawBufferPointer(destination))
                    initialized = decodedLength
                } catch {
                    failure = error
                    initialized = 0
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
