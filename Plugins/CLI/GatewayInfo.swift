import Foundation

/// What a gateway offers besides REST (`GET /v1/gateway`, no token needed):
/// `{"api": "tether-gateway", "grpc": {"port": N, "tls": bool, "service": "tether.v1.Gateway"}}`,
/// `grpc` absent when the gateway has no `grpcListen`. Its gRPC API is on the REST API's host.
struct GatewayInfo: Decodable, Equatable {
    struct GRPC: Decodable, Equatable {
        var port: Int
        var tls: Bool
        var service: String?
    }

    var api: String?
    var grpc: GRPC?

    /// Asks the gateway; throws the REST client's errors (unreachable, not found...).
    static func fetch(_ client: GatewayClient) async throws -> GatewayInfo {
        try await client.call("GET", "v1/gateway", as: GatewayInfo.self)
    }
}
