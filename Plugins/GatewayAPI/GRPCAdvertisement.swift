import Synchronization

/// Where this gateway serves gRPC, once its listener is bound; read by `GET /v1/gateway` so
/// clients (the CLI) find the gRPC API from the REST base URL.
final class GRPCAdvertisement: Sendable {
    private let bound = Mutex<(port: Int, tls: Bool)?>(nil)

    func publish(port: Int?, tls: Bool) {
        guard let port else { return }
        bound.withLock { $0 = (port, tls) }
    }

    /// The bound port and whether it speaks TLS; nil while not (or never) listening.
    var current: (port: Int, tls: Bool)? { bound.withLock { $0 } }
}
