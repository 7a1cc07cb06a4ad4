import Testing
@testable import RFB
import StreamCompression

@Suite struct LZ4FrameCodecTests {
    /// Deterministic pseudo-random bytes (SplitMix64), incompressible for LZ4.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: value ^ (value >> 31))
        }
    }

    /// Framebuffer-like data: long runs with some variation.
    static func framebufferLike(count: Int) -> [UInt8] {
        (0..<count).map { index in index % 4096 < 3000 ? 0x10 : UInt8(truncatingIfNeeded: index / 7) }
    }

    static func roundTrip(_ frames: [[UInt8]], chunkSize: Int) throws -> [[UInt8]] {
        let stream = try frames.flatMap { try LZ4FrameCodec.encode($0) }
        var decoder = LZ4FrameDecoder()
        var decoded: [[UInt8]] = []
        var offset = 0
        while offset < stream.count {
            let end = min(offset + chunkSize, stream.count)
            decoder.append(stream[offset..<end])
            offset = end
            while let frame = try decoder.nextFrame() { decoded.append(frame) }
        }
        #expect(decoder.bufferedByteCount == 0)
        return decoded
    }

    @Test(arguments: [1, 7, 4096, 1 << 22])
    func roundTripIsByteExact(chunkSize: Int) throws {
        let frames: [[UInt8]] = [
            [], Self.framebufferLike(count: 100_000), Self.randomBytes(count: 70_000, seed: 1), [],
            Bytes.ascii("RFB 003.008\n"), Self.randomBytes(count: 1, seed: 2),
        ]
        #expect(try Self.roundTrip(frames, chunkSize: chunkSize) == frames)
    }

    @Test func compressibleDataIsCompressedAndRandomDataStoredRaw() throws {
        let compressible = Self.framebufferLike(count: 65_536)
        let encoded = try LZ4FrameCodec.encode(compressible)
        #expect(encoded[0] == 1)
        #expect(encoded.count < compressible.count / 2)

        let random = Self.randomBytes(count: 65_536, seed: 3)
        let stored = try LZ4FrameCodec.encode(random)
        #expect(stored[0] == 0)
        #expect(stored.count == random.count + LZ4FrameCodec.headerLength)
    }

    @Test func emptyFrameIsNineBytes() throws {
        #expect(try LZ4FrameCodec.encode([]) == [0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func maximumSizeFrameRoundTrips() throws {
        let frame = Self.framebufferLike(count: LZ4FrameCodec.defaultMaximumFrameLength)
        #expect(try Self.roundTrip([frame], chunkSize: 65_536) == [frame])
    }

    @Test func frameClaimingMoreThanFourMiBIsRejectedFromTheHeader() {
        let limit = 4 * 1024 * 1024
        let claimed = UInt32(limit + 1)
        var decoder = LZ4FrameDecoder()
        decoder.append([1] + Bytes.uint32(claimed) + Bytes.uint32(10))
        let error = #expect(throws: LZ4FrameError.self) { try decoder.nextFrame() }
        let expected = LZ4FrameError.frameTooLarge(length: UInt64(claimed), limit: limit)
        #expect(error == expected)
    }

    @Test func encoderRefusesOversizedPayloads() {
        #expect(throws: LZ4FrameError.self) {
            try LZ4FrameCodec.encode([UInt8](repeating: 0, count: 1025), maximumFrameLength: 1024)
        }
    }

    @Test func corruptBlockIsAnErrorNotACrash() throws {
        var encoded = try LZ4FrameCodec.encode(Self.framebufferLike(count: 10_000))
        for index in LZ4FrameCodec.headerLength..<encoded.count { encoded[index] = 0xFF }
        var decoder = LZ4FrameDecoder()
        decoder.append(encoded)
        #expect(throws: LZ4FrameError.self) { try decoder.nextFrame() }
    }

    @Test func blockThatDecodesShortIsRejected() throws {
        // A valid block for 1000 bytes, declared as 1001.
        var encoded = try LZ4FrameCodec.encode([UInt8](repeating: 7, count: 1000))
        #expect(encoded[0] == 1)
        encoded.replaceSubrange(1..<5, with: Bytes.uint32(1001))
        var decoder = LZ4FrameDecoder()
        decoder.append(encoded)
        #expect(throws: LZ4FrameError.corruptCompressedData(decodedLength: 1001)) { try decoder.nextFrame() }
    }

    @Test func headerInconsistenciesAreRejected() {
        var unknownFlag = LZ4FrameDecoder()
        unknownFlag.append([2] + Bytes.uint32(0) + Bytes.uint32(0))
        #expect(throws: LZ4FrameError.unknownFlag(2)) { try unknownFlag.nextFrame() }

        var rawMismatch = LZ4FrameDecoder()
        rawMismatch.append([0] + Bytes.uint32(5) + Bytes.uint32(6))
        #expect(throws: LZ4FrameError.self) { try rawMismatch.nextFrame() }

        var compressedTooLong = LZ4FrameDecoder()
        compressedTooLong.append([1] + Bytes.uint32(10) + Bytes.uint32(1_000_000))
        #expect(throws: LZ4FrameError.self) { try compressedTooLong.nextFrame() }

        var compressedEmpty = LZ4FrameDecoder()
        compressedEmpty.append([1] + Bytes.uint32(0) + Bytes.uint32(0))
        #expect(throws: LZ4FrameError.self) { try compressedEmpty.nextFrame() }
    }
}
