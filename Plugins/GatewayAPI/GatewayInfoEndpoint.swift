import Hummingbird

/// `GET /v1/gateway` (no token): what this gateway offers besides REST, so a client picks its
/// transport: `{"api": "tether-gateway", "grpc": {"port": N, "tls": bool, "service":
/// "tether.v1.Gateway"}}`, with `grpc` absent when `grpcListen` is off. The gRPC API is on
/// the same host as the REST API.
struct GatewayInfoEndpoint: Sendable {
    let advertisement: GRPCAdvertisement

    struct Reply: Codable, Sendable {
        struct GRPC: Codable, Sendable {
            var port: Int
            var tls: Bool
            var service: String
        }

        var api: String
        var grpc: GRPC?
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("v1/gateway") { _, _ in try self.info() }
    }

    func info() throws -> Response {
        let grpc = advertisement.current.map { Reply.GRPC(port: $0.port, tls: $0.tls, service: "tether.v1.Gateway") }
        return try JSONResponse.make(Reply(api: "tether-gateway", grpc: grpc))
    }
}
