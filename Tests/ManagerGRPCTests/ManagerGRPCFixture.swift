import API
import Auth
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import KernelTesting
import TetherAPIProto

/// A manager node (`auth` + `api` with `grpcListen`) on a fresh SQLite file and free loopback
/// ports, with a gRPC client of its `tether.v1.Manager` service and a REST client.
struct ManagerGRPCFixture: Sendable {
    typealias Client = Tether_V1_Manager.Client<HTTP2ClientTransport.Posix>

    let grpc: Client
    let rest: RESTClient

    static let passwords = ["ROOT_PASSWORD": "root-secret-1", "ANN_PASSWORD": "ann-secret-1", "GUS_PASSWORD": "gus-secret-1"]

    static func password(_ user: String) -> String { passwords["\(user.uppercased())_PASSWORD"] ?? "" }

    static func yaml(httpPort: Int, grpcPort: Int, storage: String) -> String {
        """
        role: manager
        plugins:
          - use: auth
            with:
              storage: "\(storage)"
              passwordCost: 10
              rateLimit: {failuresPerAccount: 50, attemptsPerSource: 1000}
              bootstrap:
                tenants: [{id: acme, name: Acme}, {id: globex, name: Globex}]
                users:
                  - {name: root, password: "${ROOT_PASSWORD}", superadmin: true}
                  - {name: ann, password: "${ANN_PASSWORD}", memberships: [{tenant: acme, role: admin}]}
                  - {name: gus, password: "${GUS_PASSWORD}", memberships: [{tenant: globex, role: admin}]}
                servers:
                  - {id: web-01, tenant: acme, gateway: gw-eu1, capabilities: [ipmi, serial-ipmi]}
                  - {id: db-01, tenant: globex, gateway: gw-us1}
          - use: api
            with: {listen: "127.0.0.1:\(httpPort)", grpcListen: "127.0.0.1:\(grpcPort)", auditStreamPollMilliseconds: 50}
        """
    }

    static func run<T: Sendable>(_ body: @Sendable (ManagerGRPCFixture) async throws -> T) async throws -> T {
        let httpPort = FreePort.find()
        let grpcPort = FreePort.find()
        let storage = "sqlite:" + NSTemporaryDirectory() + "tether-manager-grpc-\(UUID().uuidString)/manager.db"
        return try await TestNode.run(
            yaml(httpPort: httpPort, grpcPort: grpcPort, storage: storage), plugins: [AuthPlugin.self, APIPlugin.self], node: "manager",
            environment: passwords
        ) { _ in
            let rest = RESTClient(base: "http://127.0.0.1:\(httpPort)")
            try await rest.waitUntilUp()
            let transport = try HTTP2ClientTransport.Posix(target: .ipv4(address: "127.0.0.1", port: grpcPort), transportSecurity: .plaintext)
            return try await withGRPCClient(transport: transport) { raw in
                let fixture = ManagerGRPCFixture(grpc: Client(wrapping: raw), rest: rest)
                try await fixture.waitForGRPC()
                return try await body(fixture)
            }
        }
    }

    /// The `authorization` metadata of a bearer token.
    static func bearer(_ token: String) -> Metadata { ["authorization": "Bearer \(token)"] }

    /// Logs in over gRPC and returns the login token.
    func login(_ user: String) async throws -> String {
        try await grpc.login(.with {
            $0.username = user
            $0.password = Self.password(user)
        }).token.token
    }

    /// Retries a call without a token until the listener answers it (bounded: 10 s).
    func waitForGRPC() async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                _ = try await grpc.whoAmI(.init())
                throw RESTClient.Failure(reason: "WhoAmI without a token was answered")
            } catch let error as RPCError where error.code == .unauthenticated {
                return
            } catch let error as RPCError where ContinuousClock.now < deadline {
                _ = error
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
