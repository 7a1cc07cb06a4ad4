import Kernel
import NIOCore

/// Serves ``LinkTest/Echo``, ``LinkTest/Loop`` and ``LinkTest/Stall`` on whichever node runs it.
struct EchoPlugin: Plugin {
    static let id: PluginID = "echo"
    let node: NodeID

    init(config: NoConfig, context: PluginContext) throws {
        node = context.node
    }

    func routes(_ routes: inout Routes) {
        let node = node
        routes.answer(LinkTest.Echo.self) { echo, caller in
            .init(text: echo.text, node: node, caller: caller.from.description)
        }
        routes.accept(LinkTest.Loop.self) { _, duplex, _ in
            for try await buffer in duplex.inbound {
                try await duplex.outbound.write(buffer)
            }
        }
        routes.accept(LinkTest.Quit.self) { _, _, _ in }
        routes.accept(LinkTest.Stall.self) { _, duplex, _ in
            try await duplex.outbound.write(ByteBuffer(string: "ready"))
            // Never reads, and keeps its end open until the test lets go.
            await StallGate.shared.wait(atMost: .seconds(60))
        }
    }
}
