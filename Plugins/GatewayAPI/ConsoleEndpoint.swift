import Contracts
import Hummingbird
import HummingbirdWebSocket
import Kernel
import Logging
import NIOCore

/// Decides each WebSocket upgrade: admitted consoles get a ``ConsoleSession``; a refusal is
/// recorded for ``RefusedUpgradeWriter`` to answer with its status and JSON body.
struct ConsoleEndpoint: Sendable {
    typealias Handler = WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>

    let admission: ConsoleAdmission
    let refusals: UpgradeRefusals
    let requestTimeout: Duration
    let idleTimeout: Duration
    let maxFrameBytes: Int
    let logger: Logger

    /// Never throws: a thrown error would drop the connection without an answer.
    func shouldUpgrade(_ head: HTTPRequest, _ channel: any Channel) async -> ShouldUpgradeResult<Handler> {
        do {
            let ticket = try await admission.admit(head, on: channel)
            let session = ConsoleSession(
                ticket: ticket, bus: admission.bus, authorizer: admission.authorizer, openTimeout: requestTimeout,
                idleTimeout: idleTimeout, logger: logger)
            var headers = HTTPFields()
            if let subprotocol = ticket.subprotocol { headers[.secWebSocketProtocol] = subprotocol }
            return .upgrade(headers) { [maxFrameBytes] inbound, outbound, _ in
                try await session.run(
                    WebSocketConsoleClient(outbound: outbound, maxFrameBytes: maxFrameBytes),
                    events: WebSocketConsoleClient.events(inbound, maxFrameBytes: maxFrameBytes))
            }
        } catch {
            let refusal = GatewayError.from(error, asking: SerialConsole.Attach.topic)
            logger.debug("console upgrade refused", metadata: ["gateway.code": "\(refusal.code)", "gateway.status": "\(refusal.status.code)"])
            refusals.record(refusal, for: channel)
            await GatewayAudit(bus: admission.bus).refusedUpgrade("console.open", path: head.path, channel: channel, refusal)
            return .dontUpgrade
        }
    }
}
