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

    /// One unmasked server frame: its opcode and payload.
    struct ServerFrame {
        let opcode: UInt8
        let payload: [UInt8]
    }

    /// The complete unmasked server frames at the start of `bytes` (a partial last frame is left out).
    static func serverFrames(in bytes: [UInt8]) -> [ServerFrame] {
        var frames: [ServerFrame] = []
        var index = 0
        while index + 2 <= bytes.count {
            var length = Int(bytes[index + 1] & 0x7F)
            var header = 2
            if length == 126 {
                guard index + 4 <= bytes.count else { break }
                length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                header = 4
            } else if length == 127 {
                guard index + 10 <= bytes.count else { break }
                length = bytes[(index + 2)..<(index + 10)].reduce(0) { $0 << 8 | Int($1) }
                header = 10
            }
            let start = index + header
            guard start + length <= bytes.count else { break }
            frames.append(ServerFrame(opcode: bytes[index] & 0x0F, payload: Array(bytes[start..<(start + length)])))
            index = start + length
        }
        return frames
    }

    /// The status code of the first close frame (opcode 8) among unmasked server frames.
    static func closeCode(in bytes: [UInt8]) -> Int? {
        guard let close = serverFrames(in: bytes).first(where: { $0.opcode == 8 }) else { return nil }
        return close.payload.count >= 2 ? Int(close.payload[0]) << 8 | Int(close.payload[1]) : 1005
    }
}
