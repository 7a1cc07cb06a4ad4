import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import NIOCore

/// The HTTP/1.1 server with WebSocket upgrades, wrapped in TLS when a certificate is set.
enum GatewayServerBuilder {
    static func make(
        console: ConsoleEndpoint, maxFrameBytes: Int, httpIdleTimeout: Duration, tls: TLSConfiguration?
    ) throws -> HTTPServerBuilder {
        let refusals = console.refusals
        let graphical = GraphicalConsoleEndpoint(beside: console)
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: .init(
                additionalChannelHandlers: [RefusedUpgradeWriter(refusals: refusals)],
                idleTimeout: .seconds(httpIdleTimeout.components.seconds)),
            ws: .init(maxFrameSize: maxFrameBytes, validateUTF8: true))
        let plain = HTTPServerBuilder { responder in
            HTTP1WebSocketUpgradeChannel(responder: responder, configuration: configuration) { head, channel, _ in
                GraphicalConsolePath.matches(head.path) ? await graphical.shouldUpgrade(head, channel) : await console.shouldUpgrade(head, channel)
            }
        }
        guard let tls else { return plain }
        return try .tls(plain, tlsConfiguration: tls)
    }
}
