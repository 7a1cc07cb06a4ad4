import Testing
@testable import IPMISOL

struct ConsoleLogTests {
    @Test func readsFromAnyOffsetWithoutGapOrDuplicate() {
        var log = ConsoleLog(capacity: 10)
        log.append(Array("abcdef".utf8))
        #expect(log.read(from: 0, limit: 100) == .init(bytes: Array("abcdef".utf8), nextOffset: 6, skipped: 0))
        #expect(log.read(from: 4, limit: 1) == .init(bytes: Array("e".utf8), nextOffset: 5, skipped: 0))
        #expect(log.read(from: 6, limit: 10).bytes.isEmpty)
        log.append(Array("ghijkl".utf8))
        // 12 bytes written, 10 kept: "cdefghijkl".
        #expect(log.startOffset == 2 && log.endOffset == 12 && log.count == 10)
        #expect(log.read(from: 0, limit: 100) == .init(bytes: Array("cdefghijkl".utf8), nextOffset: 12, skipped: 2))
        #expect(log.read(from: 6, limit: 3) == .init(bytes: Array("ghi".utf8), nextOffset: 9, skipped: 0))
        // Wrapping read across the ring's physical end.
        log.append(Array("mnop".utf8))
        #expect(log.read(from: 6, limit: 100).bytes == Array("ghijklmnop".utf8))
    }

    @Test func chunkLargerThanCapacityKeepsItsTail() {
        var log = ConsoleLog(capacity: 4)
        log.append(Array("0123456789".utf8))
        #expect(log.read(from: 0, limit: 100) == .init(bytes: Array("6789".utf8), nextOffset: 10, skipped: 6))
    }

    @Test func byteByByteReaderSeesTheExactStream() {
        var log = ConsoleLog(capacity: 64)
        var reader: UInt64 = 0
        var seen: [UInt8] = []
        var written: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<500 {
            let chunk = (0..<Int.random(in: 1...20, using: &generator)).map { UInt8(truncatingIfNeeded: round &+ $0) }
            log.append(chunk)
            written += chunk
            let read = log.read(from: reader, limit: Int.random(in: 1...80, using: &generator))
            #expect(read.skipped == 0, "the reader keeps up within the capacity")
            seen += read.bytes
            reader = read.nextOffset
        }
        while reader < log.endOffset {
            let read = log.read(from: reader, limit: 7)
            seen += read.bytes
            reader = read.nextOffset
        }
        #expect(seen == written)
    }
}
