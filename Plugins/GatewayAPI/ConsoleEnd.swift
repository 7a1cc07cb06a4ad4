import Contracts
import NIOWebSocket

/// Why a console session ended, and how the client is told: a last state message and a
/// close frame whose code and reason say what happened.
enum ConsoleEnd: Equatable, Sendable {
    /// The client closed the socket (or the connection dropped).
    case clientLeft
    /// The BMC side ended the console.
    case consoleClosed
    /// The agent's link dropped mid-session.
    case agentLost(String)
    case leaseExpired
    case idle(seconds: Int)
    /// The console could not be opened.
    case refused(GatewayError)

    /// Close codes in the private range, stable for clients.
    static let leaseExpiredCode: UInt16 = 4001
    static let idleCode: UInt16 = 4008
    static let refusedCode: UInt16 = 4000
    static let agentOfflineCode: UInt16 = 4503

    var finalState: ConsoleServerMessage? {
        switch self {
        case .clientLeft, .consoleClosed, .idle: nil
        case .agentLost(let reason): .state(.agentOffline, reason: reason)
        case .leaseExpired: .state(.expired, reason: "the session lease expired; refresh with a new token before it ends")
        case .refused(let error) where error.code == "agent-offline": .state(.agentOffline, reason: error.message)
        case .refused(let error): .error(code: error.code, message: error.message)
        }
    }

    /// How the audit records the end: `failed` when the console could not be used (the agent
    /// or the BMC refused it, e.g. `bmc-auth-failed`, or the agent's link dropped).
    var auditOutcome: AuditTrail.Outcome {
        switch self {
        case .refused, .agentLost: .failed
        case .clientLeft, .consoleClosed, .leaseExpired, .idle: .ok
        }
    }

    /// The audit detail: the refusal's code and message, else the end's name.
    var auditDetail: String {
        switch self {
        case .refused(let error): "\(error.code): \(error.message)"
        case .agentLost(let reason): "agent-offline: \(reason)"
        default: "\(self)"
        }
    }

    /// The close frame to send; nil when the client already left.
    var close: (code: WebSocketErrorCode, reason: String)? {
        switch self {
        case .clientLeft: nil
        case .consoleClosed: (.normalClosure, "the console was closed on the BMC side")
        case .agentLost: (WebSocketErrorCode(codeNumber: Int(Self.agentOfflineCode)), "agent offline: its link dropped; reconnect shortly")
        case .leaseExpired: (WebSocketErrorCode(codeNumber: Int(Self.leaseExpiredCode)), "session lease expired: refresh the token before it ends")
        case .idle(let seconds): (WebSocketErrorCode(codeNumber: Int(Self.idleCode)), "idle for \(seconds) s (sessionIdleTimeoutSeconds)")
        case .refused(let error) where error.code == "agent-offline":
            (WebSocketErrorCode(codeNumber: Int(Self.agentOfflineCode)), Self.fit("agent offline: \(error.message)"))
        case .refused(let error): (WebSocketErrorCode(codeNumber: Int(Self.refusedCode)), Self.fit("\(error.code): \(error.message)"))
        }
    }

    /// A close reason must fit 123 bytes of UTF-8.
    static func fit(_ reason: String) -> String {
        guard reason.utf8.count > 123 else { return reason }
        var result = ""
        for character in reason {
            guard result.utf8.count + character.utf8.count <= 120 else { break }
            result.append(character)
        }
        return result + "..."
    }
}
