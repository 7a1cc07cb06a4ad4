import HummingbirdWebSocket
import NIOCore

/// A serial console client on a WebSocket: binary frames carry console bytes (output split to
/// the frame limit), text frames JSON control messages; the end is a last state message and a
/// close frame whose code says why (see ``ConsoleEnd``).
struct WebSocketConsoleClient: ConsoleClientConnection {
    let outbound: WebSocketOutboundWriter
    let maxFrameBytes: Int

    /// The client's frames as console events.
    static func events(_ inbound: WebSocketInboundStream, maxFrameBytes: Int) -> some AsyncSequence<ConsoleClientEvent, any Error> & Sendable {
        inbound.messages(maxSize: maxFrameBytes).map { message -> ConsoleClientEvent in
            switch message {
            case .binary(let bytes):
                return .bytes(bytes)
            case .text(let text):
                do {
                    return .control(try ConsoleClientMessage.parse(text))
                } catch {
                    return .invalid(GatewayError.from(error, asking: "console.control"))
                }
            }
        }
    }

    func opened(_ ticket: ConsoleTicket, leaseExpiresAt: Int64) async throws {
        try await outbound.write(.text(ConsoleServerMessage.state(.live).json))
        try await outbound.write(.text(ConsoleServerMessage.lease(expiresAt: leaseExpiresAt).json))
    }

    func write(_ bytes: ByteBuffer) async throws {
        var buffer = bytes
        while buffer.readableBytes > 0, let chunk = buffer.readSlice(length: min(buffer.readableBytes, maxFrameBytes)) {
            try await outbound.write(.binary(chunk))
        }
    }

    func send(_ message: ConsoleServerMessage) async throws {
        try await outbound.write(.text(message.json))
    }

    func finish(_ end: ConsoleEnd) async {
        if let state = end.finalState { try? await outbound.write(.text(state.json)) }
        if let close = end.close { try? await outbound.close(close.code, reason: close.reason) }
    }
}
