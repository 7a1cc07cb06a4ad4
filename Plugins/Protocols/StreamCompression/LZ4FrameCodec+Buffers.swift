import CLZ4

/// Frame encoding and decoding straight between caller-owned buffers, so a relay can compress
/// from and decompress into its own I/O buffers without intermediate arrays.
extension LZ4FrameCodec {
    /// The most bytes `encode(_:into:maximumFrameLength:)` can write for a payload of `count`.
    public static func maximumEncodedLength(payloadCount count: Int) -> Int {
        let bound = count > 0 && count <= largestFrameLength ? Int(LZ4_compressBound(Int32(count))) : 0
        return headerLength + max(count, bound)
    }

    /// Encodes `payload` as one frame at the start of `destination` (at least
    /// `maximumEncodedLength(payloadCount:)` bytes), compressed when that makes it smaller.
    /// - Returns: the frame's length.
    /// - Throws: `LZ4FrameError.frameTooLarge` when `payload` exceeds `maximumFrameLength`.
    public static func encode(
        _ payload: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
        maximumFrameLength: Int = defaultMaximumFrameLength
    ) throws(LZ4FrameError) -> Int {
        let count = payload.count
        guard count <= min(maximumFrameLength, largestFrameLength) else {
            throw .frameTooLarge(length: UInt64(count), limit: maximumFrameLength)
        }
        precondition(destination.count >= maximumEncodedLength(payloadCount: count), "destination too small for the frame")
        let body = UnsafeMutableRawBufferPointer(rebasing: destination[headerLength...])
        if count > 0, let source = payload.baseAddress, let target = body.baseAddress {
            let written = LZ4_compress_default(
                source.assumingMemoryBound(to: CChar.self), target.assumingMemoryBound(to: CChar.self),
                Int32(count), Int32(clamping: body.count))
            if written > 0, Int(written) < count {
                writeHeader(flag: compressedFlag, decodedLength: count, storedLength: Int(written), into: destination)
                return headerLength + Int(written)
            }
        }
        if count > 0, let source = payload.baseAddress, let target = body.baseAddress {
            target.copyMemory(from: source, byteCount: count)
        }
        writeHeader(flag: storedFlag, decodedLength: count, storedLength: count, into: destination)
        return headerLength + count
    }

    /// Decodes the stored bytes (exactly `header.storedLength`) of a frame with `header` into
    /// the first `header.decodedLength` bytes of `destination`.
    /// - Throws: `LZ4FrameError.corruptCompressedData` when the block does not decode to
    ///   exactly the declared length.
    public static func decode(
        stored: UnsafeRawBufferPointer, header: LZ4FrameHeader, into destination: UnsafeMutableRawBufferPointer
    ) throws(LZ4FrameError) {
        precondition(stored.count == header.storedLength && destination.count >= header.decodedLength, "buffers do not match the header")
        guard header.isCompressed else {
            if let source = stored.baseAddress, let target = destination.baseAddress {
                target.copyMemory(from: source, byteCount: stored.count)
            }
            return
        }
        guard header.decodedLength > 0, let source = stored.baseAddress, let target = destination.baseAddress else {
            throw .corruptCompressedData(decodedLength: header.decodedLength)
        }
        let produced = LZ4_decompress_safe(
            source.assumingMemoryBound(to: CChar.self), target.assumingMemoryBound(to: CChar.self),
            Int32(stored.count), Int32(header.decodedLength))
        guard produced == header.decodedLength else { throw .corruptCompressedData(decodedLength: header.decodedLength) }
    }

    private static func writeHeader(flag: UInt8, decodedLength: Int, storedLength: Int, into destination: UnsafeMutableRawBufferPointer) {
        destination[0] = flag
        put(UInt32(truncatingIfNeeded: decodedLength), at: 1, in: destination)
        put(UInt32(truncatingIfNeeded: storedLength), at: 5, in: destination)
    }

    private static func put(_ value: UInt32, at offset: Int, in destination: UnsafeMutableRawBufferPointer) {
        destination[offset] = UInt8(truncatingIfNeeded: value >> 24)
        destination[offset + 1] = UInt8(truncatingIfNeeded: value >> 16)
        destination[offset + 2] = UInt8(truncatingIfNeeded: value >> 8)
        destination[offset + 3] = UInt8(truncatingIfNeeded: value)
    }
}
