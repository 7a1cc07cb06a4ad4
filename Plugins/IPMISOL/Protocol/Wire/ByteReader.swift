/// Reads little-endian IPMI wire fields from a byte array, throwing
/// ``IPMIError/malformedPacket(_:)`` instead of trapping when the input is short.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    /// Names the structure being read, so errors say what was malformed.
    let context: String

    init(_ bytes: [UInt8], context: String) {
        self.bytes = bytes
        self.offset = 0
        self.context = context
    }

    var remainingCount: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func readUInt8(_ field: StaticString = "field") throws(IPMIError) -> UInt8 {
        try requireRemaining(1, field)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16(_ field: StaticString = "field") throws(IPMIError) -> UInt16 {
        try requireRemaining(2, field)
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func readUInt32(_ field: StaticString = "field") throws(IPMIError) -> UInt32 {
        try requireRemaining(4, field)
        defer { offset += 4 }
        var value: UInt32 = 0
        for index in 0..<4 {
            value |= UInt32(bytes[offset + index]) << (8 * UInt32(index))
        }
        return value
    }

    mutating func readBytes(_ count: Int, _ field: StaticString = "field") throws(IPMIError) -> [UInt8] {
        guard count >= 0 else {
            throw .malformedPacket("\(context): negative length for \(field)")
        }
        try requireRemaining(count, field)
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func readRemaining() -> [UInt8] {
        defer { offset = bytes.count }
        return offset < bytes.count ? Array(bytes[offset...]) : []
    }

    mutating func skip(_ count: Int, _ field: StaticString = "reserved") throws(IPMIError) {
        try requireRemaining(count, field)
        offset += count
    }

    private func requireRemaining(_ count: Int, _ field: StaticString) throws(IPMIError) {
        guard remainingCount >= count else {
            throw .malformedPacket(
                "\(context): \(field) needs \(count) byte(s) at offset \(offset), only \(remainingCount) left"
            )
        }
    }
}
