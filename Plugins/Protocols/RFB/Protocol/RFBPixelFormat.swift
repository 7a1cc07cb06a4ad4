/// The 16-byte PIXEL_FORMAT structure (RFC 6143 7.4).
public struct RFBPixelFormat: Sendable, Hashable {
    public var bitsPerPixel: UInt8
    public var depth: UInt8
    public var bigEndian: Bool
    public var trueColour: Bool
    public var redMax: UInt16
    public var greenMax: UInt16
    public var blueMax: UInt16
    public var redShift: UInt8
    public var greenShift: UInt8
    public var blueShift: UInt8

    /// Size of the structure on the wire, including its 3 padding bytes.
    public static let encodedLength = 16

    public init(
        bitsPerPixel: UInt8, depth: UInt8, bigEndian: Bool, trueColour: Bool,
        redMax: UInt16, greenMax: UInt16, blueMax: UInt16,
        redShift: UInt8, greenShift: UInt8, blueShift: UInt8
    ) {
        self.bitsPerPixel = bitsPerPixel
        self.depth = depth
        self.bigEndian = bigEndian
        self.trueColour = trueColour
        self.redMax = redMax
        self.greenMax = greenMax
        self.blueMax = blueMax
        self.redShift = redShift
        self.greenShift = greenShift
        self.blueShift = blueShift
    }

    /// Decodes the structure from exactly 16 bytes; returns `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.encodedLength else { return nil }
        self.init(wireBytes: bytes, at: 0)
    }

    /// Decodes the structure at `offset`; the caller guarantees 16 bytes are there.
    init(wireBytes bytes: [UInt8], at offset: Int) {
        self.init(
            bitsPerPixel: bytes[offset], depth: bytes[offset + 1],
            bigEndian: bytes[offset + 2] != 0, trueColour: bytes[offset + 3] != 0,
            redMax: bytes.bigEndianUInt16(at: offset + 4), greenMax: bytes.bigEndianUInt16(at: offset + 6),
            blueMax: bytes.bigEndianUInt16(at: offset + 8),
            redShift: bytes[offset + 10], greenShift: bytes[offset + 11], blueShift: bytes[offset + 12]
        )
    }

    /// The 16 bytes of the structure.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = [bitsPerPixel, depth, bigEndian ? 1 : 0, trueColour ? 1 : 0]
        bytes.appendBigEndian(redMax)
        bytes.appendBigEndian(greenMax)
        bytes.appendBigEndian(blueMax)
        bytes += [redShift, greenShift, blueShift, 0, 0, 0]
        return bytes
    }

    /// Bits per pixel values that RFC 6143 7.4 allows.
    static let validBitsPerPixel: Set<UInt8> = [8, 16, 32]
}
