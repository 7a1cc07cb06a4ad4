import Foundation
import Hummingbird
import Kernel

/// The manager's REST/JSON API over Hummingbird: a thin edge that reads requests strictly
/// and asks the `auth` plugin over the bus. An OpenAPI document is served at `/openapi.json`.
public struct APIPlugin: Plugin {
    public static let id: PluginID = "api"
    public static let summary = "manager REST/JSON API (login, OIDC, tokens, servers, audit, JWKS, OpenAPI)"

    public struct Config: PluginConfig {
        /// Where to serve (put TLS in front, or keep it on loopback).
        public var listen: HostPort = "127.0.0.1:8080"
        /// Larger request bodies are refused with 413.
        public var maxBodyBytes = 16_384
        /// How long a request may wait for the `auth` plugin.
        public var requestTimeoutSeconds = 30
        public init() {}
    }

    let config: Config
    let context: PluginContext

    public init(config: Config, context: PluginContext) throws {
        guard (256...1_048_576).contains(config.maxBodyBytes) else {
            throw APIConfigError(reason: "maxBodyBytes must be 256...1048576, not \(config.maxBodyBytes)")
        }
        guard (1...300).contains(config.requestTimeoutSeconds) else {
            throw APIConfigError(reason: "requestTimeoutSeconds must be 1...300, not \(config.requestTimeoutSeconds)")
        }
        self.config = config
        self.context = context
    }

    public func run() async throws {
        let routes = APIRoutes(bus: context.bus, maxBodyBytes: config.maxBodyBytes, timeout: .seconds(config.requestTimeoutSeconds))
        let logger = context.logger
        let app = Application(
            router: routes.router(),
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "tether-manager"),
            onServerRunning: { channel in
                logger.info("api listening", metadata: ["listen": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
        try await app.run()
    }
}

/// A setting of the `api` entry is out of range.
public struct APIConfigError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
