import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRPCCore
import GRPCNIOTransportHTTP2
import GatewayTesting
import KernelTesting
import TetherAPIProto

/// A gateway node for one test with `grpcListen` on a free loopback port, and a gRPC client
/// of its `tether.v1.Gateway` service.
struct GRPCGateway: Sendable {
    typealias Client = Tether_V1_Gateway.Client<HTTP2ClientTransport.Posix>

    let httpPort: Int
    let grpcPort: Int
    let client: Client
    let raw: GRPCClient<HTTP2ClientTransport.Posix>

    /// Boots the node; `settings` are extra `gateway-api` keys, `auth` the test auth plugin's.
    static func run<T: Sendable>(
        _ settings: [String] = [], auth: String = "{}", _ body: @Sendable (GRPCGateway) async throws -> T
    ) async throws -> T {
        let httpPort = FreePort.find()
        let grpcPort = FreePort.find()
        let yaml = GatewayTestManifest.yaml(port: httpPort, settings: ["grpcListen: \"127.0.0.1:\(grpcPort)\""] + settings, auth: auth)
        return try await TestNode.run(yaml, plugins: GatewayTestManifest.plugins, node: "gateway") { _ in
            try await waitForGRPC(httpPort: httpPort)
            let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: grpcPort), transportSecurity: .plaintext)
            return try await withGRPCClient(transport: transport) { raw in
                try await body(GRPCGateway(httpPort: httpPort, grpcPort: grpcPort, client: Client(wrapping: raw), raw: raw))
            }
        }
    }

    /// The `authorization` metadata of a bearer token.
    static func bearer(_ token: String) -> Metadata { ["authorization": "Bearer \(token)"] }

    /// Polls `GET /v1/gateway` (bounded: 5 s) until it advertises the gRPC port.
    static func waitForGRPC(httpPort: Int) async throws {
        guard let url = URL(string: "http://127.0.0.1:\(httpPort)/v1/gateway") else { throw TestFailure("bad URL") }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let (data, _) = try? await URLSession.shared.data(from: url), String(decoding: data, as: UTF8.self).contains("\"grpc\"") { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("the gateway never advertised its gRPC listener on /v1/gateway")
    }
}
