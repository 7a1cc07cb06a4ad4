import Contracts
import Hummingbird
import HummingbirdWebSocket
import Kernel
import Logging
import NIOCore

/// Decides each graphical console upgrade (`/v1/servers/{id}/console/vnc`): admitted viewers
/// get a ``GraphicalConsoleSession``; a refusal is recorded for ``RefusedUpgradeWriter`` like
/// the serial console's. Graphical consoles count against `maxConsoleSessionsPerServer`
/// separately from serial ones.
struct GraphicalConsoleEndpoint: Sendable {
    let admission: GraphicalConsoleAdmission
    let refusals: UpgradeRefusals
    let requestTimeout: Duration
    let idleTimeout: Duration
    let maxFrameBytes: Int
    let logger: Logger

    /// The graphical sibling of the serial console endpoint: same checks, limits and refusals.
    init(beside serial: ConsoleEndpoint) {
        admission = GraphicalConsoleAdmission(
            bus: serial.admission.bus, authorizer: serial.admission.authorizer, slots: ConsoleSlots(limit: serial.admission.slots.limit),
            timeout: serial.admission.timeout)
        refusals = serial.refusals
        requestTimeout = serial.requestTimeout
        idleTimeout = serial.idleTimeout
        maxFrameBytes = serial.maxFrameBytes
        logger = serial.logger
    }

    /// Never throws: a thrown error would drop the connection without an answer.
    func shouldUpgrade(_ head: HTTPRequest, _ channel: any Channel) async -> ShouldUpgradeResult<ConsoleEndpoint.Handler> {
        do {
            let ticket = try await admission.admit(head, on: channel)
            let session = GraphicalConsoleSession(
                ticket: ticket, bus: admission.bus, authorizer: admission.authorizer, openTimeout: requestTimeout,
                idleTimeout: idleTimeout, maxFrameBytes: maxFrameBytes, logger: logger)
            var headers = HTTPFields()
            if let subprotocol = ticket.subprotocol { headers[.secWebSocketProtocol] = subprotocol }
            return .upgrade(headers) { inbound, outbound, _ in try await session.run(inbound, outbound) }
        } catch {
            let refusal = GatewayError.from(error, asking: GraphicalConsole.Attach.topic)
            logger.debug("graphical console upgrade refused", metadata: ["gateway.code": "\(refusal.code)", "gateway.status": "\(refusal.status.code)"])
            refusals.record(refusal, for: channel)
            await GatewayAudit(bus: admission.bus).refusedUpgrade("vnc.open", path: head.path, channel: channel, refusal)
            return .dontUpgrade
        }
    }
}
