import Foundation
import Testing
import RFB
import StreamCompression

/// Throughput numbers for the report; run with RFB_MEASURE=1, ideally in release:
/// `RFB_MEASURE=1 swift test -c release -Xswiftc -enable-testing --filter ThroughputMeasurements`
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RFB_MEASURE"] == "1"))
struct ThroughputMeasurements {
    /// A 720x400 32 bpp text console: black with light-grey glyph pixels on a few lines.
    static let textConsoleFrame: [UInt8] = {
        var frame = [UInt8](repeating: 0, count: 720 * 400 * 4)
        for row in 0..<160 where row % 16 < 12 {
            for column in stride(from: (row * 7) % 9, to: 450, by: 3) {
                let offset = (row * 720 + column) * 4
                frame.replaceSubrange(offset..<offset + 3, with: [0xA8, 0xA8, 0xA8])
            }
        }
        return frame
    }()

    static func measure(_ label: String, bytes: Int, iterations: Int, _ body: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytesPerSecond = Double(bytes * iterations) / seconds / 1_000_000
        print("\(label): \(String(format: "%.0f", megabytesPerSecond)) MB/s (\(iterations) x \(bytes) B in \(elapsed))")
    }

    @Test func lz4() throws {
        let frame = Self.textConsoleFrame
        let encoded = try LZ4FrameCodec.encode(frame)
        print("LZ4 text console frame: \(frame.count) B -> \(encoded.count) B")
        try Self.measure("LZ4 encode text console", bytes: frame.count, iterations: 200) {
            _ = try LZ4FrameCodec.encode(frame)
        }
        try Self.measure("LZ4 decode text console", bytes: frame.count, iterations: 200) {
            var decoder = LZ4FrameDecoder()
            decoder.append(encoded)
            _ = try decoder.nextFrame()
        }
        var generator = SystemRandomNumberGenerator()
        let random = (0..<frame.count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Self.measure("LZ4 encode random (stored raw)", bytes: random.count, iterations: 50) {
            _ = try LZ4FrameCodec.encode(random)
        }
        #expect(encoded.count < frame.count / 10)
    }

    @Test func framer() throws {
        let pointer: [UInt8] = [5, 0, 1, 2, 3, 4]
        let key: [UInt8] = [4, 1, 0, 0, 0, 0, 0, 0x61]
        let stream = Array((0..<50_000).map { $0.isMultiple(of: 2) ? pointer : key }.joined())
        var count = 0
        try Self.measure("framer pointer/key events", bytes: stream.count, iterations: 20) {
            var framer = RFBClientMessageFramer()
            framer.append(stream)
            while try framer.nextMessage() != nil { count += 1 }
        }
        #expect(count == 20 * 50_000)
    }
}
