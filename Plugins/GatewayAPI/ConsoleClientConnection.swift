import NIOCore

/// The client side of a serial console as ``ConsoleSession`` drives it: a WebSocket
/// (``WebSocketConsoleClient``) or a gRPC stream (``GRPCConsoleClient``). The client's events
/// are passed to the session separately, as they are read by one task only.
protocol ConsoleClientConnection: Sendable {
    /// The console is open: say so, with the lease's end (seconds since 1970).
    func opened(_ ticket: ConsoleTicket, leaseExpiresAt: Int64) async throws
    /// Console output, in order; returns once the client's transport took it (back-pressure).
    func write(_ bytes: ByteBuffer) async throws
    /// A control message for the client.
    func send(_ message: ConsoleServerMessage) async throws
    /// The last word: why the session ended. Never throws; the client may be gone.
    func finish(_ end: ConsoleEnd) async
}
