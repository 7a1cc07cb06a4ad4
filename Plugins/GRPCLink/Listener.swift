import Contracts
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
        let peers = ConnectedPeers()
        let audit = LinkAuditTrail(bus: bus, logger: logger)
        let service = LinkService(
            settings: settings, bus: bus, logger: logger, peers: peers, rendezvous: StreamRendezvous(),
            gatekeeper: LinkGatekeeper(admission: settings.admission, bus: bus, timeout: .seconds(5)), audit: audit)
        if settings.admission.acceptsEnrolmentTokens, !bus.servedTopics.contains(Auth.VerifyEnrolment.topic) {
            logger.warning("acceptEnrolmentTokens is on but no auth plugin on this node serves auth.verify-enrolment; enrolment tokens will be refused")
        }
        let server = GRPCServer(transport: LinkTransports.server(address, settings), services: [service])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            if let bound = try await server.listeningAddress {
                logger.info("link listening", metadata: [
                    "link.listen": "\(bound)", "link.tls": "\(!settings.security.insecure)",
                    "link.clientCertificates": "\(settings.security.trustRoots != nil)",
                    "link.enrolment": "\(settings.admission.acceptsEnrolmentTokens)",
                ])
            }
            if settings.admission.acceptsEnrolmentTokens {
                group.addTask {
                    await RevocationWatch(peers: peers, bus: bus, audit: audit, logger: logger, interval: settings.revocationCheck).run()
                }
            }
            // The server ends the listener; the watch ends with it.
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
