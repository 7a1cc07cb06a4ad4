import ArgumentParser
import Foundation

/// How `server console --terminal` reaches the gateway: its gRPC `SerialConsole` stream, or
/// the serial console WebSocket. `auto` takes gRPC when the gateway advertises it.
enum ConsoleTransport: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, grpc, websocket

    /// What a console run uses once the gateway's advertisement is known.
    enum Choice: Equatable {
        case grpc(GRPCTarget)
        case webSocket
    }

    /// Picks the transport (pure): `grpc` without an advertised gRPC API is a usage error.
    func choose(advertised: GatewayInfo.GRPC?, gateway: URL) throws -> Choice {
        switch (self, advertised) {
        case (.websocket, _), (.auto, nil):
            return .webSocket
        case (.grpc, nil):
            throw CLIError.usage(
                "the gateway at \(gateway.absoluteString) offers no gRPC API (GET /v1/gateway advertises none: it needs grpcListen); "
                    + "use --transport websocket or auto")
        case (.auto, let grpc?), (.grpc, let grpc?):
            guard let target = GRPCTarget(gateway: gateway, advertised: grpc) else {
                throw CLIError.usage("the gateway URL \(gateway.absoluteString) has no host to dial gRPC on; use --transport websocket")
            }
            return .grpc(target)
        }
    }
}

extension ConsoleTransport {
    /// Asks the gateway what it offers (unless `websocket`) and picks. With `auto` a gateway
    /// that cannot say (an older one without `GET /v1/gateway`) gets the WebSocket.
    func choose(for client: GatewayClient) async throws -> Choice {
        guard self != .websocket else { return .webSocket }
        let info: GatewayInfo?
        do {
            info = try await GatewayInfo.fetch(client)
        } catch {
            guard self == .auto else { throw error }
            info = nil
        }
        return try choose(advertised: info?.grpc, gateway: client.base)
    }
}
