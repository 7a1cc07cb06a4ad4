import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel
import Logging

/// The listening side of a link (a gateway, a manager): a gRPC server whose Control RPCs
/// are authenticated peers, each attached to the bus for as long as its RPC lives.
struct Listener: Sendable {
    let address: HostPort
    let settings: LinkSettings
    let bus: Bus
    let logger: Logger

    /// Serves until cancelled.
    func run() async throws {
        let service = LinkService(
            settings: settings, bus: bus, logger: logger, peers: ConnectedPeers(), rendezvous: StreamRendezvous())
        let server = GRPCServer(transport: LinkTransports.server(address, settings), services: [service])
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            if let bound = try await server.listeningAddress {
                logger.info("link listening", metadata: [
                    "link.listen": "\(bound)", "link.tls": "\(!settings.security.insecure)",
                    "link.clientCertificates": "\(settings.security.trustRoots != nil)",
                ])
            }
        }
    }
}
