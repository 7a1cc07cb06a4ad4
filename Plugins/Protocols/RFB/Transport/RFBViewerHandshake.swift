import NIOConcurrencyHelpers
import NIOCore

/// Runs `RFBServerHandshake` over an async channel that is already in use, so it can start
/// once the BMC's ServerInit is known.
enum RFBViewerHandshake {
    /// Performs the handshake; on failure sends the RFB 3.8 rejection (if any) and throws.
    /// The channel is closed when `timeout` expires first, which ends the read with
    /// `RFBHandshakeError.timedOut`.
    static func run(
        serverInit: RFBServerInit,
        inbound: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        channel: any Channel,
        timeout: TimeAmount
    ) async throws -> RFBServerHandshake.Completion {
        let timedOut = NIOLockedValueBox(false)
        let deadline = channel.eventLoop.scheduleTask(in: timeout) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }

        var handshake = RFBServerHandshake(serverInit: serverInit)
        if let completion = try await perform(handshake.start(), outbound: outbound) {
            return completion
        }
        while true {
            let buffer: ByteBuffer?
            do {
                buffer = try await inbound.next()
            } catch {
                if timedOut.withLockedValue({ $0 }) { throw RFBHandshakeError.timedOut(seconds: Self.seconds(timeout)) }
                throw RFBHandshakeError.connectionFailed(during: handshake.currentStep, detail: "\(error)")
            }
            guard let buffer else {
                if timedOut.withLockedValue({ $0 }) { throw RFBHandshakeError.timedOut(seconds: Self.seconds(timeout)) }
                throw RFBHandshakeError.connectionClosed(during: handshake.currentStep)
            }
            let actions: [RFBServerHandshake.Action]
            do {
                actions = try handshake.receive(buffer.readableBytesView)
            } catch {
                let rejection = handshake.rejection(for: error)
                if !rejection.isEmpty {
                    try? await outbound.write(ByteBuffer(bytes: rejection))
                }
                throw error
            }
            if let completion = try await perform(actions, outbound: outbound) {
                return completion
            }
        }
    }

    private static func perform(
        _ actions: [RFBServerHandshake.Action],
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> RFBServerHandshake.Completion? {
        for action in actions {
            switch action {
            case .send(let bytes):
                try await outbound.write(ByteBuffer(bytes: bytes))
            case .completed(let completion):
                return completion
            }
        }
        return nil
    }

    private static func seconds(_ amount: TimeAmount) -> Int64 {
        amount.nanoseconds / 1_000_000_000
    }
}
