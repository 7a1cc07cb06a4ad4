import NIOCore

/// One thing a serial console client sent, whatever carries it (WebSocket, gRPC stream).
enum ConsoleClientEvent: Sendable {
    /// Typed bytes, for the console.
    case bytes(ByteBuffer)
    /// A control message.
    case control(ConsoleClientMessage)
    /// A control message that could not be understood: answered with an error; the session goes on.
    case invalid(GatewayError)
}
