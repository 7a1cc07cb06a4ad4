import Kernel
import KernelTesting
import NIOCore
import Synchronization
import Testing

@Suite struct StreamTests {
    @Test func carries100MiBIntact() async throws {
        try await TestNode.run("role: t\nplugins: [{use: echo}]", plugins: [EchoPlugin.self]) { node in
            let duplex = try await node.bus.open(Echo.Stream(mode: "echo"))
            let chunk = 64 * 1024
            let total = 100 * 1024 * 1024
            async let received: (Int, UInt64) = {
                var count = 0
                var checksum: UInt64 = 0
                for try await buffer in duplex.inbound {
                    for byte in buffer.readableBytesView { checksum = checksum &* 31 &+ UInt64(byte) }
                    count += buffer.readableBytes
                }
                return (count, checksum)
            }()
            var expected: UInt64 = 0
            var sent = 0
            while sent < total {
                var buffer = ByteBuffer()
                buffer.writeBytes((0..<chunk).map { UInt8(truncatingIfNeeded: ($0 &+ sent / chunk) &* 7) })
                for byte in buffer.readableBytesView { expected = expected &* 31 &+ UInt64(byte) }
                try await duplex.outbound.write(buffer)
                sent += chunk
            }
            duplex.outbound.finish()
            let (count, checksum) = try await received
            #expect(count == total)
            #expect(checksum == expected)
        }
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
