/// Why a frame could not be encoded or decoded. Decoding errors leave the stream unusable.
public enum LZ4FrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The decoded length is above the limit.
    case frameTooLarge(length: UInt64, limit: Int)
    /// The flag byte is neither 0 (raw) nor 1 (LZ4).
    case unknownFlag(UInt8)
    /// A raw frame whose stored length differs from its decoded length.
    case storedLengthMismatch(decodedLength: UInt64, storedLength: UInt64)
    /// A compressed frame whose stored length cannot hold an LZ4 block of the decoded length.
    case invalidCompressedLength(decodedLength: UInt64, storedLength: UInt64)
    /// The LZ4 block did not decompress to exactly the decoded length.
    case corruptCompressedData(decodedLength: Int)

    public var description: String {
        switch self {
        case .frameTooLarge(let length, let limit):
            "LZ4 frame of \(length) bytes exceeds the limit of \(limit) bytes"
        case .unknownFlag(let flag):
            "LZ4 frame has unknown flag \(flag); expected 0 (raw) or 1 (LZ4)"
        case .storedLengthMismatch(let decoded, let stored):
            "raw LZ4 frame stores \(stored) bytes but declares \(decoded)"
        case .invalidCompressedLength(let decoded, let stored):
            "compressed LZ4 frame of \(stored) bytes cannot decode to \(decoded) bytes"
        case .corruptCompressedData(let decoded):
            "LZ4 block is corrupt or does not decode to the declared \(decoded) bytes"
        }
    }
}
