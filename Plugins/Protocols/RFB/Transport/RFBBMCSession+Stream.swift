import NIOCore

extension RFBBMCSession {
    /// Runs `body` with this TCP session as an `RFBBMCStream`, then closes the connection.
    /// Use once, instead of `channel.executeThenClose`.
    public func withStream<Result: Sendable>(
        _ body: (RFBBMCStream) async throws -> Result
    ) async throws -> Result {
        let channel = self.channel.channel
        let serverInit = self.serverInit
        return try await self.channel.executeThenClose { inbound, outbound in
            let stream = RFBBMCStream(
                serverInit: serverInit,
                inbound: inbound,
                write: { try await outbound.write($0) },
                close: { channel.close(promise: nil) }
            )
            return try await body(stream)
        }
    }
}
