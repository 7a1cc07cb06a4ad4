/// Hand-made WebSocket frames (RFC 6455 §5.2) for abuse tests, and a reader for the close
/// frame the server answers with.
enum WebSocketFrames {
    /// A masked client frame.
    static func masked(opcode: UInt8, payload: [UInt8], fin: Bool = true) -> [UInt8] {
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        var frame: [UInt8] = [(fin ? 0x80 : 0) | (opcode & 0x0F)]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else {
            frame.append(0x80 | 126)
            frame += [UInt8(payload.count >> 8 & 0xFF), UInt8(payload.count & 0xFF)]
        }
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        return frame
    }

    /// The status code of the first close frame (opcode 8) among unmasked server frames.
    static func closeCode(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index + 2 <= bytes.count {
            let opcode = bytes[index] & 0x0F
            var length = Int(bytes[index + 1] & 0x7F)
            var header = 2
            if length == 126 {
                guard index + 4 <= bytes.count else { return nil }
                length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                header = 4
            } else if length == 127 {
                return nil
            }
            let start = index + header
            guard start + length <= bytes.count else { return nil }
            if opcode == 8 {
                return length >= 2 ? Int(bytes[start]) << 8 | Int(bytes[start + 1]) : 1005
            }
            index = start + length
        }
        return nil
    }
}
