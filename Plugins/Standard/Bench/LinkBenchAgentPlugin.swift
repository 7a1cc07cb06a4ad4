import Kernel
import NIOCore

/// The agent side of `tether bench link`: trivial handlers, so what is measured is the link,
/// not the work. Registered only in the bench's agent process.
struct LinkBenchAgentPlugin: Plugin {
    static let id: PluginID = "link-bench-agent"

    init(config: NoConfig, context: PluginContext) {}

    func routes(_ routes: inout Routes) {
        routes.answer(LinkBenchMessages.Ping.self) { request, _ in .init(value: request.value &+ 1) }
        routes.accept(LinkBenchMessages.Sink.self) { _, duplex, _ in
            var total = 0
            for try await buffer in duplex.inbound { total += buffer.readableBytes }
            try await duplex.outbound.write(ByteBuffer(integer: UInt64(total)))
            duplex.outbound.finish()
        }
        routes.accept(LinkBenchMessages.Source.self) { request, duplex, _ in
            duplex.inbound.close()
            var left = max(0, request.bytes)
            while left > 0 {
                let size = min(left, LinkBenchPayload.chunk.readableBytes)
                try await duplex.outbound.write(LinkBenchPayload.chunk.getSlice(at: 0, length: size) ?? ByteBuffer())
                left -= size
            }
            duplex.outbound.finish()
        }
    }
}
