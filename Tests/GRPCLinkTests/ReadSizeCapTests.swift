import NIOCore
import Testing

@testable import GRPCLink

/// The HTTP/2 decoder never gets more than one TLS record's worth at once (its buffer would
/// grow to the largest read and be copied whole on every later read).
@Suite struct ReadSizeCapTests {
    @Test func aLargeReadIsHandedOnInRecordSizedSlicesInOrder() {
        var buffer = ByteBuffer()
        for index in 0..<(300 * 1024 + 17) { buffer.writeInteger(UInt8(truncatingIfNeeded: index &* 31)) }
        _ = buffer.readBytes(length: 5)  // a buffer whose reader index is not at 0
        let slices = ReadSizeCap.slices(of: buffer)
        #expect(slices.allSatisfy { $0.readableBytes > 0 && $0.readableBytes <= ReadSizeCap.limit })
        #expect(slices.count == (buffer.readableBytes + ReadSizeCap.limit - 1) / ReadSizeCap.limit)
        var joined = ByteBuffer()
        for var slice in slices { joined.writeBuffer(&slice) }
        #expect(joined == buffer)
    }

    @Test func smallAndEmptyReads() {
        let small = ByteBuffer(bytes: [1, 2, 3])
        #expect(ReadSizeCap.slices(of: small) == [small])
        #expect(ReadSizeCap.slices(of: ByteBuffer()).isEmpty)
        let exact = ByteBuffer(repeating: 7, count: ReadSizeCap.limit)
        #expect(ReadSizeCap.slices(of: exact) == [exact])
        #expect(ReadSizeCap.slices(of: ByteBuffer(repeating: 7, count: ReadSizeCap.limit + 1)).map(\.readableBytes) == [ReadSizeCap.limit, 1])
    }
}
