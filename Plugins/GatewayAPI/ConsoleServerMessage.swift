import Foundation

/// A control message the gateway sends to a console client as a WebSocket text frame.
enum ConsoleServerMessage: Equatable {
    /// The session's state: `live`, `agent-offline` or `expired`, and why.
    case state(ConsoleState, reason: String? = nil)
    /// The lease ends at `expiresAt` (seconds since 1970) unless refreshed before.
    case lease(expiresAt: Int64)
    /// A control message was refused; the session goes on.
    case error(code: String, message: String)

    /// The JSON text.
    var json: String {
        let wire: Wire = switch self {
        case .state(let state, let reason): Wire(type: "state", state: state.rawValue, reason: reason)
        case .lease(let expiresAt): Wire(type: "lease", expiresAt: expiresAt)
        case .error(let code, let message): Wire(type: "error", message: message, error: code)
        }
        let data = (try? JSONResponse.encoder.encode(wire)) ?? Data("{\"type\":\"error\"}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private struct Wire: Encodable {
        var type: String
        var state: String?
        var reason: String?
        var message: String?
        var error: String?
        var expiresAt: Int64?
    }
}
