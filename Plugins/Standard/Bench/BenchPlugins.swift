import Kernel

/// What the bus benchmark asks, sends and streams.
enum BenchMessages {
    struct Ping: Request {
        static let topic: Topic = "bench.ping"
        var value: Int
        struct Reply: Codable, Sendable { var value: Int }
    }

    struct Tick: Message {
        static let topic: Topic = "bench.tick"
        var value: Int
    }

    struct Sink: StreamRequest {
        static let topic: Topic = "bench.sink"
    }
}

/// The plugin the bus benchmark talks to: an actor with trivial handlers, so what is measured
/// is the bus, not the work.
actor BenchTargetPlugin: Plugin {
    static let id: PluginID = "bench-target"
    private var ticks = 0

    init(config: NoConfig, context: PluginContext) {}

    nonisolated func routes(_ routes: inout Routes) {
        routes.answer(BenchMessages.Ping.self) { request, _ in await self.ping(request) }
        routes.handle(BenchMessages.Tick.self) { tick, _ in await self.tick(tick) }
        routes.accept(BenchMessages.Sink.self) { _, duplex, _ in
            var total = 0
            for try await buffer in duplex.inbound { total += buffer.readableBytes }
            try await duplex.outbound.write(.init(integer: UInt64(total)))
        }
    }

    func ping(_ request: BenchMessages.Ping) -> BenchMessages.Ping.Reply { .init(value: request.value &+ 1) }
    func tick(_ tick: BenchMessages.Tick) { ticks &+= tick.value }
}
