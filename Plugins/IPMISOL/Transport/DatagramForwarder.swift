import NIOCore

/// Forwards datagrams from one remote address into an `AsyncStream`.
final class DatagramForwarder: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let remoteAddress: SocketAddress
    private let continuation: AsyncStream<[UInt8]>.Continuation

    init(remoteAddress: SocketAddress, continuation: AsyncStream<[UInt8]>.Continuation) {
        self.remoteAddress = remoteAddress
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard envelope.remoteAddress == remoteAddress else { return }
        continuation.yield(Array(envelope.data.readableBytesView))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP errors and the like: the protocol's retransmission timers decide.
    }
}
