import GRPCCore
import TetherAPIProto

/// How the gRPC console's endings read to the user, matching the WebSocket console (pure):
/// the status line the WebSocket's last state message gives, and the CLI error of a refused call.
enum GRPCConsoleEnding {
    /// The `[tether: ...]` line for an `end` message; nil for a console closed on the BMC side.
    static func statusLine(_ end: Tether_V1_ConsoleEnd) -> String? {
        let message = end.message.isEmpty ? nil : end.message
        switch end.reason {
        case .consoleClosed: return nil
        case .leaseExpired: return "expired: " + (message ?? "the session lease expired")
        case .agentOffline: return "agent-offline" + (message.map { ": \($0)" } ?? "")
        case .idle: return message ?? "idle"
        case .refused: return "refused: " + ([end.code, message ?? ""].filter { !$0.isEmpty }.joined(separator: ": "))
        case .unspecified, .UNRECOGNIZED: return message
        }
    }

    /// The CLI error for a failed `SerialConsole` call: a gateway refusal (its status and
    /// `tether-error` code) as the REST API's answer would be; anything else as unreachable.
    static func error(_ error: RPCError, server: String, target: GRPCTarget) -> CLIError {
        let code = GRPCStatusMapping.code(of: error)
        guard code != nil || refusalCodes.contains(error.code) else {
            return .unreachable(
                "console of \(server) failed: cannot reach the gateway's gRPC API at \(target.authority): \(error.message) "
                    + "(check that the gateway runs, and TETHER_CA_FILE for a private CA; --transport websocket avoids gRPC)")
        }
        return CLIError.fromGateway(status: GRPCStatusMapping.httpStatus(for: error.code), code: code, message: error.message.isEmpty ? nil : error.message)
    }

    /// Statuses only a gateway (not the transport) answers with.
    static let refusalCodes: Set<RPCError.Code> = [.unauthenticated, .permissionDenied, .notFound, .invalidArgument, .resourceExhausted]
}
