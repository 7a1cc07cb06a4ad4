import Hummingbird
import HummingbirdTLS
import Kernel
import ServiceLifecycle
import TetherAPIProto

/// The gateway's client surface: REST/JSON for power, boot, BMC facts and the event log,
/// WebSocket serial consoles, and `/openapi.json`. Every request is checked against the
/// caller's token (through `auth.verify`) and routed to the agent that manages the server
/// (through `routing.resolve`).
public struct GatewayAPIPlugin: Plugin {
    public static let id: PluginID = "gateway-api"
    public static let summary = "REST/JSON and WebSocket console API of a gateway, with token checks and an origin policy"

    let config: Config
    let context: PluginContext

    public init(config: Config, context: PluginContext) throws {
        self.config = try config.validated()
        self.context = context
    }

    public func run() async throws {
        let timeout = Duration.seconds(config.requestTimeoutSeconds)
        let idleTimeout = Duration.seconds(config.sessionIdleTimeoutSeconds)
        let authorizer = Authorizer(bus: context.bus, origins: OriginPolicy(allowedOrigins: config.allowedOrigins), timeout: timeout)
        let router = Router()
        router.add(middleware: JSONErrorMiddleware(maxBodyBytes: config.maxBodyBytes))
        router.get("healthz") { _, _ in JSONResponse.make(bytes: Array("{\"status\":\"ok\"}".utf8)) }
        router.get("openapi.json") { _, _ in JSONResponse.make(bytes: OpenAPIDocument.bytes) }
        ServerEndpoints(bus: context.bus, authorizer: authorizer, timeout: timeout, maxBodyBytes: config.maxBodyBytes).register(on: router)
        SessionEndpoints(bus: context.bus, authorizer: authorizer, timeout: timeout, maxBodyBytes: config.maxBodyBytes).register(on: router)

        let advertisement = GRPCAdvertisement()
        GatewayInfoEndpoint(advertisement: advertisement).register(on: router)
        let admission = ConsoleAdmission(
            bus: context.bus, authorizer: authorizer, slots: ConsoleSlots(limit: config.maxConsoleSessionsPerServer), timeout: timeout)
        let console = ConsoleEndpoint(
            admission: admission, refusals: UpgradeRefusals(), requestTimeout: timeout, idleTimeout: idleTimeout,
            maxFrameBytes: config.maxWebSocketFrameBytes, logger: context.logger)
        let server = try GatewayServerBuilder.make(
            console: console, maxFrameBytes: config.maxWebSocketFrameBytes, httpIdleTimeout: timeout * 4, tls: try tlsConfiguration())
        let logger = context.logger
        let scheme = config.certificateFile == nil ? "http" : "https"
        let app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "tether-gateway"),
            onServerRunning: { channel in
                logger.info("gateway API listening", metadata: ["listen": "\(scheme)://\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
        guard let grpcListen = config.grpcListen else { return try await app.run() }
        let service = GatewayGRPCService(
            servers: ServerOperations(bus: context.bus, authorizer: authorizer, timeout: timeout),
            sessions: SessionOperations(bus: context.bus, authorizer: authorizer, timeout: timeout), admission: admission,
            requestTimeout: timeout, idleTimeout: idleTimeout, maxMessageBytes: config.maxWebSocketFrameBytes, logger: logger)
        let grpc = GRPCListener(
            host: grpcListen.host, port: grpcListen.port, tls: tlsPaths(), services: [service],
            // A console `data` message carries at most maxWebSocketFrameBytes; room for framing.
            maxRequestBytes: config.maxWebSocketFrameBytes + 1024, name: "gateway", logger: logger,
            onBound: { [advertisement] port, tls in advertisement.publish(port: port, tls: tls) })
        // The HTTP application returns on graceful shutdown; the gRPC listener goes with it.
        try await grpc.run(beside: { try await app.run() })
    }

    private func tlsPaths() -> GRPCListener.TLSFiles? {
        guard let certificate = config.certificateFile, let key = config.privateKeyFile else { return nil }
        return .init(certificate: context.resolvePath(certificate).path, privateKey: context.resolvePath(key).path)
    }

    private func tlsConfiguration() throws -> TLSConfiguration? {
        guard let certificate = config.certificateFile, let key = config.privateKeyFile else { return nil }
        return try TLSFiles.configuration(certificate: context.resolvePath(certificate), privateKey: context.resolvePath(key))
    }
}
