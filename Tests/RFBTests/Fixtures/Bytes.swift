/// Test-only byte helpers.
enum Bytes {
    /// Decodes hex, ignoring spaces; an invalid digit yields an empty array so the test fails visibly.
    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.filter { !$0.isWhitespace })
        guard digits.count.isMultiple(of: 2) else { return [] }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else { return [] }
            bytes.append(byte)
        }
        return bytes
    }

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func uint32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func uint16(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    /// A reason string as RFB 3.8 sends it: u32 length, then the text.
    static func reason(_ text: String) -> [UInt8] {
        uint32(UInt32(text.utf8.count)) + ascii(text)
    }
}
