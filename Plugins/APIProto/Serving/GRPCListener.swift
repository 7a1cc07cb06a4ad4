import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// Serves gRPC services on one address: HTTP/2, with TLS from a PEM certificate chain and key
/// when given, requests above `maxRequestBytes` refused unread. The manager's `api` and the
/// gateway's `gateway-api` each run one beside their HTTP server.
public struct GRPCListener: Sendable {
    /// PEM certificate chain and private key paths.
    public struct TLSFiles: Sendable {
        public var certificate: String
        public var privateKey: String
        public init(certificate: String, privateKey: String) {
            self.certificate = certificate
            self.privateKey = privateKey
        }
    }

    let host: String
    let port: Int
    let tls: TLSFiles?
    let services: [any RegistrableRPCService]
    let maxRequestBytes: Int
    let name: String
    let logger: Logger
    let onBound: @Sendable (_ port: Int?, _ tls: Bool) -> Void

    /// `name` starts the log line (`NAME gRPC listening`); `onBound` learns the bound port
    /// (port 0 picks a free one).
    public init(
        host: String, port: Int, tls: TLSFiles?, services: [any RegistrableRPCService], maxRequestBytes: Int, name: String,
        logger: Logger, onBound: @escaping @Sendable (_ port: Int?, _ tls: Bool) -> Void = { _, _ in }
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.services = services
        self.maxRequestBytes = maxRequestBytes
        self.name = name
        self.logger = logger
        self.onBound = onBound
    }

    /// Serves until cancelled.
    public func run() async throws {
        let server = GRPCServer(transport: transport(), services: services)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            if let bound = try await server.listeningAddress {
                onBound(bound.ipv4?.port ?? bound.ipv6?.port, tls != nil)
                logger.info("\(name) gRPC listening", metadata: ["listen": "\(tls == nil ? "http" : "https")://\(bound)"])
            }
        }
    }

    /// Runs `http` (an HTTP server that returns on graceful shutdown) and this listener; when
    /// `http` returns or fails, the listener stops too.
    public func run(beside http: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await http() }
            group.addTask { try await cancelWhenGracefulShutdown { try await run() } }
            try await group.next()
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    private func transport() -> HTTP2ServerTransport.Posix {
        let socket: GRPCNIOTransportCore.SocketAddress = host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
        let security: HTTP2ServerTransport.Posix.TransportSecurity =
            if let tls {
                .tls(certificateChain: [.file(path: tls.certificate, format: .pem)], privateKey: .file(path: tls.privateKey, format: .pem))
            } else {
                .plaintext
            }
        let maxRequestBytes = self.maxRequestBytes
        let config = HTTP2ServerTransport.Posix.Config.defaults { config in
            config.rpc.maxRequestPayloadSize = maxRequestBytes
        }
        return HTTP2ServerTransport.Posix(address: socket, transportSecurity: security, config: config)
    }
}
