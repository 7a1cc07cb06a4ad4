import Kernel
import KernelTesting
import NIOCore
import Synchronization
import Testing

@Suite struct StreamTests {
    @Test func carries100MiBIntact() async throws {
        try await TestNode.run("role: t\nplugins: [{use: echo}]", plugins: [EchoPlugin.self]) { node in
            let duplex = try await node.bus.open(Echo.Stream(mode: "echo"))
            let chunks = 1_600  // 100 MiB in 64 KiB chunks
            async let received: Int = {
                // Compare whole chunks (memcmp), whatever the boundaries the stream delivers.
                var pending = ByteBuffer()
                var verified = 0
                for try await buffer in duplex.inbound {
                    var buffer = buffer
                    pending.writeBuffer(&buffer)
                    while pending.readableBytes >= Self.chunkSize, let slice = pending.readSlice(length: Self.chunkSize) {
                        guard slice == Self.chunk(verified) else { return -verified - 1 }
                        verified += 1
                    }
                    pending.discardReadBytes()
                }
                return pending.readableBytes == 0 ? verified : -1
            }()
            for index in 0..<chunks {
                try await duplex.outbound.write(Self.chunk(index))
            }
            duplex.outbound.finish()
            #expect(try await received == chunks)
        }
    }

    static let chunkSize = 65_536
    static let pattern = ByteBuffer(bytes: (0..<chunkSize).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) })

    /// Chunk `index`: a fixed pattern stamped with its index, so a lost, repeated or
    /// reordered chunk is caught.
    static func chunk(_ index: Int) -> ByteBuffer {
        var buffer = pattern
        buffer.setInteger(UInt64(index), at: 0)
        return buffer
    }

    @Test func producerSuspendsWhenTheConsumerStopsReading() async throws {
        let (reader, writer) = Duplex.pipe()
        let written = Atomic<Int>(0)
        let producer = Task {
            for _ in 0..<1_000 {
                try await writer.write(ByteBuffer(repeating: 1, count: 65_536))
                written.add(1, ordering: .relaxed)
            }
        }
        var iterator = reader.makeAsyncIterator()
        for _ in 0..<3 { _ = try await iterator.next() }
        // The consumer stops. Give the producer every chance to run ahead.
        for _ in 0..<200 { await Task.yield() }
        try await Task.sleep(for: .milliseconds(50))
        let whilePaused = written.load(ordering: .relaxed)
        #expect(whilePaused <= 4, "the producer ran ahead by \(whilePaused) buffers with nobody reading")
        // Closing the reader releases the producer with streamClosed.
        reader.close()
        await #expect(throws: BusError.streamClosed) { try await producer.value }
    }
}
