import Foundation
import Testing

@testable import CLI

/// The pure parts of the console's transport choice: what `GET /v1/gateway` says, which
/// transport `--transport` picks, and where gRPC is dialled.
@Suite struct ConsoleTransportChoiceTests {
    let gateway = URL(string: "https://gw-eu1.example:8443")!
    let advertised = GatewayInfo.GRPC(port: 9443, tls: true, service: "tether.v1.Gateway")

    @Test func advertisementIsDecodedWithAndWithoutGRPC() throws {
        let with = try JSONDecoder().decode(
            GatewayInfo.self, from: Data(#"{"api":"tether-gateway","grpc":{"port":9443,"tls":true,"service":"tether.v1.Gateway"}}"#.utf8))
        #expect(with.grpc == advertised)
        let without = try JSONDecoder().decode(GatewayInfo.self, from: Data(#"{"api":"tether-gateway"}"#.utf8))
        #expect(without.grpc == nil)
    }

    @Test func autoTakesGRPCOnlyWhenAdvertised() throws {
        let target = try #require(GRPCTarget(gateway: gateway, advertised: advertised))
        #expect(try ConsoleTransport.auto.choose(advertised: advertised, gateway: gateway) == .grpc(target))
        #expect(try ConsoleTransport.auto.choose(advertised: nil, gateway: gateway) == .webSocket)
        #expect(try ConsoleTransport.websocket.choose(advertised: advertised, gateway: gateway) == .webSocket)
        #expect(try ConsoleTransport.grpc.choose(advertised: advertised, gateway: gateway) == .grpc(target))
    }

    @Test func grpcWithoutAdvertisementIsAUsageError() {
        do {
            _ = try ConsoleTransport.grpc.choose(advertised: nil, gateway: gateway)
            Issue.record("no error")
        } catch let error as CLIError {
            #expect(error.exitCode == ExitStatus.usage)
            #expect(error.description.contains("offers no gRPC API") && error.description.contains("--transport websocket"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func grpcIsDialledOnTheGatewayHostAtTheAdvertisedPort() throws {
        let named = try #require(GRPCTarget(gateway: gateway, advertised: advertised))
        #expect(named == GRPCTarget(host: "gw-eu1.example", port: 9443, tls: true))
        #expect(!named.isIPv4 && !named.isIPv6)
        let v4 = try #require(GRPCTarget(gateway: URL(string: "http://127.0.0.1:8443")!, advertised: .init(port: 9000, tls: false)))
        #expect(v4.isIPv4 && !v4.tls && v4.authority == "127.0.0.1:9000")
        let v6 = try #require(GRPCTarget(gateway: URL(string: "http://[::1]:8443")!, advertised: .init(port: 9000, tls: false)))
        #expect(v6.host == "::1" && v6.isIPv6 && v6.authority == "[::1]:9000")
        #expect(GRPCTarget(gateway: gateway, advertised: .init(port: 0, tls: true)) == nil)
        #expect(GRPCTarget(gateway: gateway, advertised: .init(port: 70_000, tls: true)) == nil)
    }
}
