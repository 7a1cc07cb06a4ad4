import Foundation
import GRPCCore
import NIOCore
import TetherAPIProto

/// A serial console client on a gRPC `SerialConsole` stream: `hello` and `lease` when the
/// console opens, console bytes as `data` messages of at most `maxMessageBytes`, control
/// answers as `lease` and `error`, and a last `end` message saying why it ended.
struct GRPCConsoleClient: ConsoleClientConnection {
    let writer: RPCWriter<Tether_V1_ConsoleOutput>
    let maxMessageBytes: Int

    func opened(_ ticket: ConsoleTicket, leaseExpiresAt: Int64) async throws {
        var hello = Tether_V1_ConsoleHello()
        hello.server = ticket.server
        hello.sessionID = ticket.consoleID ?? ""
        hello.mode = ticket.readOnly ? .readOnly : .readWrite
        hello.leaseExpiresAt = leaseExpiresAt
        try await writer.write(.with { $0.kind = .hello(hello) })
        try await send(.lease(expiresAt: leaseExpiresAt))
    }

    func write(_ bytes: ByteBuffer) async throws {
        var buffer = bytes
        while buffer.readableBytes > 0, let chunk = buffer.readBytes(length: min(buffer.readableBytes, maxMessageBytes)) {
            try await writer.write(.with { $0.kind = .data(Data(chunk)) })
        }
    }

    func send(_ message: ConsoleServerMessage) async throws {
        switch message {
        case .lease(let expiresAt):
            try await writer.write(.with { $0.kind = .lease(.with { $0.expiresAt = expiresAt }) })
        case .error(let code, let text):
            try await writer.write(.with { $0.kind = .error(.with { $0.code = code; $0.message = text }) })
        case .state:
            // States travel as `hello` (live) and `end` (agent-offline, expired) on this transport.
            break
        }
    }

    func finish(_ end: ConsoleEnd) async {
        guard let message = Self.endMessage(end) else { return }
        try? await writer.write(.with { $0.kind = .end(message) })
    }

    /// The `end` message for an ending; nil when the client left (pure).
    static func endMessage(_ end: ConsoleEnd) -> Tether_V1_ConsoleEnd? {
        var message = Tether_V1_ConsoleEnd()
        message.message = end.close?.reason ?? ""
        switch end {
        case .clientLeft: return nil
        case .consoleClosed: message.reason = .consoleClosed
        case .agentLost(let reason):
            message.reason = .agentOffline
            message.message = "agent offline: \(reason)"
        case .leaseExpired: message.reason = .leaseExpired
        case .idle: message.reason = .idle
        case .refused(let error):
            message.reason = error.code == "agent-offline" ? .agentOffline : .refused
            message.code = error.code
            message.message = error.message
        }
        return message
    }
}
