import Hummingbird
import Kernel
import Logging

/// The browser side of a gateway: viewer links, the serial console page (xterm.js), the
/// graphical console page (noVNC) and the server page (power, BMC facts, boot, who is
/// connected). Plain server-rendered HTML with small scripts from this origin; the consoles'
/// WebSockets go to `gateway-api`, authenticated by the session cookie.
public struct WebUIPlugin: Plugin {
    public static let id: PluginID = "webui"
    public static let summary = "web consoles: viewer links, xterm.js serial page, noVNC page, server page with power buttons"

    let config: Config
    let context: PluginContext

    public init(config: Config, context: PluginContext) throws {
        self.config = try config.validated()
        self.context = context
    }

    public func run() async throws {
        let assets: WebAssets
        do {
            assets = try WebAssets.load(xtermPath: context.resolvePath(config.xtermPath), noVNCPath: context.resolvePath(config.noVNCPath))
        } catch {
            context.logger.error("web console assets missing: \(error)")
            throw error
        }
        let router = Router()
        router.add(middleware: SecurityHeaders(gatewayURL: config.gatewayURL, gatewayWebSocketURL: config.gatewayWebSocketURL))
        router.add(middleware: FileMiddleware(assets.noVNCFolder, urlBasePath: "/novnc", cacheControl: .init([(.textJavascript, [.maxAge(300)])])))
        ViewerRoutes(
            bus: context.bus, timeout: .seconds(config.requestTimeoutSeconds), gatewayWebSocketURL: config.gatewayWebSocketURL, assets: assets
        ).register(on: router)
        let logger = context.logger
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "tether-webui"),
            onServerRunning: { channel in
                logger.info("web console listening", metadata: ["listen": "http://\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
        try await app.run()
    }
}
