import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel
import Logging

/// Serves the gateway's gRPC API (``GatewayGRPCService``) on `grpcListen`: HTTP/2, with TLS
/// from the same certificate and key as the HTTPS listener when they are set.
struct GatewayGRPCListener: Sendable {
    let address: HostPort
    /// PEM certificate chain and key paths; nil: plaintext HTTP/2.
    let tls: (certificate: String, privateKey: String)?
    let service: GatewayGRPCService
    /// Where the bound port is published (`GET /v1/gateway`).
    let advertisement: GRPCAdvertisement
    let logger: Logger

    /// Serves until cancelled.
    func run() async throws {
        let server = GRPCServer(transport: transport(), services: [service])
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            if let bound = try await server.listeningAddress {
                advertisement.publish(port: bound.ipv4?.port ?? bound.ipv6?.port, tls: tls != nil)
                logger.info("gateway gRPC listening", metadata: ["listen": "\(tls == nil ? "http" : "https")://\(bound)"])
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
        let maxMessageBytes = service.maxMessageBytes
        let config = HTTP2ServerTransport.Posix.Config.defaults { config in
            // A console `data` message carries at most maxWebSocketFrameBytes; room for framing.
            config.rpc.maxRequestPayloadSize = maxMessageBytes + 1024
        }
        return HTTP2ServerTransport.Posix(address: socket, transportSecurity: security, config: config)
    }
}
