import Kernel
import NIOCore

/// The gateway's side of the link measurements: asks and byte streams to the agent's
/// ``LinkBenchAgentPlugin`` over the link. Every loop is bounded by its count and by `deadline`.
struct LinkBenchLinkClient {
    let bus: Bus
    let agent: NodeID
    let deadline: ContinuousClock.Instant

    /// `count` sequential asks after `warmup`; the latency of each and the time of all.
    func asks(_ count: Int, warmup: Int) async throws -> (samples: LatencySamples, seconds: Double) {
        for index in 0..<warmup {
            try check("link warm-up asks")
            _ = try await ping(index)
        }
        var samples = LatencySamples(capacity: count)
        let start = ContinuousClock.now
        for index in 0..<count {
            try check("link asks")
            let sent = ContinuousClock.now
            let reply = try await ping(index)
            samples.record(ContinuousClock.now - sent)
            guard reply.value == index &+ 1 else { throw LinkBenchError.failed("ask \(index) was answered with \(reply.value)") }
        }
        return (samples, (ContinuousClock.now - start).seconds)
    }

    /// Writes `bytes` on one link stream (its opening included) until the agent confirmed them.
    func upload(_ bytes: Int) async throws -> LinkBenchThroughput {
        let start = ContinuousClock.now
        let duplex = try await bus.open(LinkBenchMessages.Sink(), to: .node(agent))
        defer { duplex.close() }
        var left = bytes
        while left > 0 {
            try check("link stream upload")
            let size = min(left, LinkBenchPayload.chunk.readableBytes)
            try await duplex.outbound.write(LinkBenchPayload.chunk.getSlice(at: 0, length: size) ?? ByteBuffer())
            left -= size
        }
        duplex.outbound.finish()
        var answer = ByteBuffer()
        for try await var buffer in duplex.inbound {
            answer.writeBuffer(&buffer)
            if answer.readableBytes >= 8 { break }
        }
        let received = answer.readInteger(as: UInt64.self)
        guard received == UInt64(bytes) else {
            throw LinkBenchError.failed("the link stream delivered \(received.map(String.init) ?? "no count") of \(bytes) bytes")
        }
        return LinkBenchThroughput(bytes: bytes, seconds: (ContinuousClock.now - start).seconds)
    }

    /// Reads `bytes` the agent writes on one link stream (its opening included).
    func download(_ bytes: Int) async throws -> LinkBenchThroughput {
        let start = ContinuousClock.now
        let duplex = try await bus.open(LinkBenchMessages.Source(bytes: bytes), to: .node(agent))
        defer { duplex.close() }
        duplex.outbound.finish()
        var received = 0
        for try await buffer in duplex.inbound {
            try check("link stream download")
            received += buffer.readableBytes
            if received >= bytes { break }
        }
        guard received == bytes else { throw LinkBenchError.failed("the link stream delivered \(received) of \(bytes) bytes") }
        return LinkBenchThroughput(bytes: bytes, seconds: (ContinuousClock.now - start).seconds)
    }

    private func ping(_ value: Int) async throws -> LinkBenchMessages.Ping.Reply {
        try await bus.ask(LinkBenchMessages.Ping(value: value), to: .node(agent), timeout: .seconds(5))
    }

    private func check(_ what: String) throws {
        guard ContinuousClock.now < deadline else { throw LinkBenchError.timeout(what) }
    }
}
