import Contracts
import Kernel
import Logging
import ServiceLifecycle

/// Carries the bus between nodes over gRPC (HTTP/2, TLS): an agent dials its gateway, a
/// gateway or manager listens. See `README.md` for settings and behaviour.
///
/// Module `GRPCLink`, plugin ID `link` (the kernel already names its protocol `Link`).
public struct GRPCLinkPlugin: Plugin {
    public static let id: PluginID = "link"
    public static let summary = "Links nodes over gRPC/HTTP2 with TLS: dial out (agent) or listen (gateway, manager)"

    let settings: LinkSettings
    let context: PluginContext

    public init(config: Config, context: PluginContext) throws {
        settings = try LinkSettings(config, node: context.node, resolvePath: context.resolvePath)
        self.context = context
    }

    /// Every link answers a ping with its node's name, so a peer can check the whole path.
    public func routes(_ routes: inout Routes) {
        let node = context.node
        routes.answer(Diagnostics.Ping.self) { ping, _ in .init(payload: ping.payload, node: node) }
    }

    public func run() async throws {
        let logger = context.logger
        if settings.security.insecure {
            logger.warning("INSECURE LINK: TLS is off (insecure: true); envelopes and tokens cross the network in plaintext. Use this on a trusted loopback only.")
        }
        await waitForLocalRoutes()
        try await cancelWhenGracefulShutdown {
            switch settings.mode {
            case .dial(let target):
                try await Dialler(target: target, settings: settings, bus: context.bus, logger: logger).run()
            case .listen(let address):
                try await Listener(address: address, settings: settings, bus: context.bus, logger: logger).run()
            }
        }
    }

    /// The hello announces the topics this node serves, so the link waits (briefly) for the
    /// node's other plugins to bind theirs; a plugin that never starts does not hold it up.
    private func waitForLocalRoutes() async {
        let ready = OneShot<Void>()
        let status = context.status
        Task {
            await status.waitUntilReady()
            ready.resolve(.success(()))
        }
        _ = try? await ready.wait(timeout: .seconds(5)) { CancellationError() }
    }
}
