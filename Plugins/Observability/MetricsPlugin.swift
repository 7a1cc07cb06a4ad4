import Foundation
import Hummingbird
import Kernel

/// `/health`, `/ready` and `/metrics` for any role.
public struct MetricsPlugin: Plugin {
    public static let id: PluginID = "metrics"
    public static let summary = "HTTP /health (liveness), /ready (every plugin running), /metrics (Prometheus)"

    public struct Config: PluginConfig {
        /// Where to serve; keep it on a management network or loopback.
        public var listen: HostPort = "127.0.0.1:9464"
        public init() {}
    }

    let config: Config
    let context: PluginContext

    public init(config: Config, context: PluginContext) throws {
        self.config = config
        self.context = context
        MetricsRegistry.bootstrap()
    }

    public func run() async throws {
        let router = Router()
        let status = context.status
        router.get("health") { _, _ in "ok\n" }
        router.get("ready") { _, _ -> Response in
            let body = ReadinessReport(status: status).text
            return Response(
                status: status.isReady ? .ok : .serviceUnavailable,
                headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: MetricsRegistry.shared.emitToBuffer())))
        }
        let logger = context.logger
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "tether-metrics"),
            onServerRunning: { channel in
                logger.info("metrics listening", metadata: ["listen": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
        try await app.run()
    }
}
