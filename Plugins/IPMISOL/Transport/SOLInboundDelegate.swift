import NIOCore

/// Tells the connection when the console's reader wants more characters again.
struct SOLInboundDelegate: NIOAsyncSequenceProducerDelegate {
    let connection: RMCPPlusConnection

    func produceMore() {
        Task { await connection.solConsumerReady(true) }
    }

    func didTerminate() {
        // The reader went away: keep acknowledging so the BMC is never stalled.
        Task { await connection.solConsumerReady(true) }
    }
}
