import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Kernel
import ServiceLifecycle
import TetherAPIProto

/// The manager's REST/JSON API over Hummingbird: a thin edge that reads requests strictly
/// and asks the `auth` plugin over the bus. An OpenAPI document is served at `/openapi.json`.
public struct APIPlugin: Plugin {
    public static let id: PluginID = "api"
    public static let summary = "manager REST/JSON API (login, OIDC, tokens, servers, audit, JWKS, OpenAPI)"

    public struct Config: PluginConfig {
        /// Where to serve.
        public var listen: HostPort = "127.0.0.1:8080"
        /// PEM certificate chain; with `privateKeyFile` it turns TLS on (relative to the
        /// manifest, read when the server starts). Without them: plain HTTP, for loopback or
        /// behind a TLS proxy.
        public var certificateFile: String?
        /// PEM private key of `certificateFile`.
        public var privateKeyFile: String?
        /// Larger request bodies are refused with 413.
        public var maxBodyBytes = 16_384
        /// How long a request may wait for the `auth` plugin.
        public var requestTimeoutSeconds = 30
        /// How often `GET /v1/audit/stream` asks for new records once caught up (50...60000).
        public var auditStreamPollMilliseconds = 1000
        /// A stream client that takes no data for this long is cut off (1...3600).
        public var auditStreamWriteTimeoutSeconds = 30
        /// Where to serve the gRPC API (`tether.v1.Manager`, HTTP/2): an IP literal and port,
        /// port 0 picks one; none (the default): no gRPC. TLS with `certificateFile` and
        /// `privateKeyFile` when they are set.
        public var grpcListen: HostPort?
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
        guard (50...60_000).contains(config.auditStreamPollMilliseconds) else {
            throw APIConfigError(reason: "auditStreamPollMilliseconds must be 50...60000, not \(config.auditStreamPollMilliseconds)")
        }
        guard (1...3600).contains(config.auditStreamWriteTimeoutSeconds) else {
            throw APIConfigError(reason: "auditStreamWriteTimeoutSeconds must be 1...3600, not \(config.auditStreamWriteTimeoutSeconds)")
        }
        guard (config.certificateFile == nil) == (config.privateKeyFile == nil) else {
            throw APIConfigError(reason: "set both certificateFile and privateKeyFile for TLS, or neither")
        }
        self.config = config
        self.context = context
    }

    public func run() async throws {
        let logger = context.logger
        let routes = APIRoutes(
            bus: context.bus, maxBodyBytes: config.maxBodyBytes, timeout: .seconds(config.requestTimeoutSeconds),
            auditStream: AuditStreamSettings(
                pollInterval: .milliseconds(config.auditStreamPollMilliseconds), writeTimeout: .seconds(config.auditStreamWriteTimeoutSeconds)),
            logger: logger)
        let scheme = config.certificateFile == nil ? "http" : "https"
        let app = Application(
            router: routes.router(),
            server: try serverBuilder(),
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "tether-manager"),
            onServerRunning: { channel in
                logger.info("api listening", metadata: ["listen": "\(scheme)://\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
        guard let grpcListen = config.grpcListen else { return try await app.run() }
        let grpc = GRPCListener(
            host: grpcListen.host, port: grpcListen.port, tls: tlsPaths(),
            services: [ManagerGRPCService(bus: context.bus, timeout: routes.timeout, auditStream: routes.auditStream)],
            // As REST's maxBodyBytes: requests are small; a larger one is refused unread.
            maxRequestBytes: config.maxBodyBytes, name: "api", logger: logger)
        // The HTTP application returns on graceful shutdown; the gRPC listener goes with it.
        try await grpc.run(beside: { try await app.run() })
    }

    private func tlsPaths() -> GRPCListener.TLSFiles? {
        guard let certificate = config.certificateFile, let key = config.privateKeyFile else { return nil }
        return .init(certificate: context.resolvePath(certificate).path, privateKey: context.resolvePath(key).path)
    }

    /// HTTP/1.1, in TLS when a certificate is configured (files read now, at start).
    private func serverBuilder() throws -> HTTPServerBuilder {
        guard let certificate = config.certificateFile, let key = config.privateKeyFile else { return .http1() }
        let certificatePath = context.resolvePath(certificate).path
        let keyPath = context.resolvePath(key).path
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificatePath) } catch {
            throw APIConfigError(reason: "certificateFile \(certificatePath) cannot be read as PEM: \(error)")
        }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: keyPath, format: .pem) } catch {
            throw APIConfigError(reason: "privateKeyFile \(keyPath) cannot be read as a PEM key: \(error)")
        }
        let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        return try .tls(.http1(), tlsConfiguration: tls)
    }
}

/// A setting of the `api` entry is out of range.
public struct APIConfigError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
