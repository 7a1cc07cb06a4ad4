import Hummingbird
import Kernel

extension GatewayError {
    /// The client-facing form of a bus failure: a handler's coded error keeps its code and
    /// message and gets the matching status; transport failures become 503/504.
    static func from(_ error: any Error, asking topic: Topic) -> GatewayError {
        switch error {
        case let gateway as GatewayError:
            return gateway
        case BusError.remote(let code, let message):
            return GatewayError(status: status(forRemoteCode: code), code: code, message: message)
        case BusError.timeout(_, let milliseconds):
            return .timeout("no answer to \(topic) within \(milliseconds) ms (requestTimeoutSeconds); the agent or BMC is slow, retry later")
        case BusError.unreachable(let node):
            return GatewayError(
                status: .serviceUnavailable, code: "agent-offline",
                message: "the agent \(node) is not connected; it reconnects by itself, retry shortly")
        case BusError.noRoute:
            return GatewayError(
                status: .serviceUnavailable, code: "unavailable",
                message: "nothing on this gateway serves \(topic); check that the role runs the plugin for it")
        case BusError.streamClosed:
            return GatewayError(status: .badGateway, code: "stream-closed", message: "the console stream closed while it was being opened")
        default:
            return GatewayError(status: .internalServerError, code: "internal", message: "the gateway failed on \(topic): \(error)")
        }
    }

    /// The HTTP status for a handler's stable error code; unknown codes are the agent's
    /// problem, hence 502.
    static func status(forRemoteCode code: String) -> HTTPResponse.Status {
        switch code {
        case "unauthenticated": .unauthorized
        case "denied", "forbidden": .forbidden
        case "not-found": .notFound
        case "agent-offline", "unavailable": .serviceUnavailable
        case "unsupported": .notImplemented
        case "bad-request", "invalid": .badRequest
        case "conflict", "busy": .conflict
        case "too-many-sessions": .tooManyRequests
        case "timeout": .gatewayTimeout
        default: .badGateway
        }
    }
}
