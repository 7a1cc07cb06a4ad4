import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel
import Logging

/// Serves the manager's gRPC API (``ManagerGRPCService``) on `grpcListen`: HTTP/2, with TLS
/// from the same certificate and key as the REST listener when they are set.
struct ManagerGRPCListener: Sendable {
    let address: HostPort
    /// PEM certificate chain and key paths; nil: plaintext HTTP/2.
    let tls: (certificate: String, privateKey: String)?
    let service: ManagerGRPCService
    let maxMessageBytes: Int
    let logger: Logger

    /// Serves until cancelled.
    func run() async throws {
        let server = GRPCServer(transport: transport(), services: [service])
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            if let bound = try await server.listeningAddress {
                logger.info("api gRPC listening", metadata: ["listen": "\(tls == nil ? "http" : "https")://\(bound)"])
            }
        }
    }

    private func transport() -> HTTP2ServerTransport.Posix {
        let socket: GRPCNIOTransportCore.SocketAddress =
            address.host.contains(":") ? .ipv6(host: address.host, port: address.port) : .ipv4(host: address.host, port: address.port)
        let security: HTTP2ServerTransport.Posix.TransportSecurity =
            if let tls {
                .tls(certificateChain: [.file(path: tls.certificate, format: .pem)], privateKey: .file(path: tls.privateKey, format: .pem))
            } else {
                .plaintext
            }
        let maxMessageBytes = self.maxMessageBytes
        let config = HTTP2ServerTransport.Posix.Config.defaults { config in
            // As REST's maxBodyBytes: requests are small; a larger one is refused unread.
            config.rpc.maxRequestPayloadSize = maxMessageBytes
        }
        return HTTP2ServerTransport.Posix(address: socket, transportSecurity: security, config: config)
    }
}
