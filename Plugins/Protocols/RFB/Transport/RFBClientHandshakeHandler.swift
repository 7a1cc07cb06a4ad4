import NIOCore

/// Runs `RFBClientHandshake` on a fresh connection to the BMC, ahead of the
/// `NIOAsyncChannel` handlers. On completion it passes any bytes that followed ServerInit
/// down the pipeline, removes itself, and succeeds `completion`; on failure it fails
/// `completion` and closes the channel.
final class RFBClientHandshakeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var handshake: RFBClientHandshake
    private let completion: EventLoopPromise<RFBClientHandshake.Completion>
    private let timeout: TimeAmount
    private var timeoutTask: Scheduled<Void>?
    private var isFinished = false

    init(
        configuration: RFBClientHandshake.Configuration,
        timeout: TimeAmount,
        completion: EventLoopPromise<RFBClientHandshake.Completion>
    ) {
        handshake = RFBClientHandshake(configuration: configuration)
        self.timeout = timeout
        self.completion = completion
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let seconds = timeout.nanoseconds / 1_000_000_000
        timeoutTask = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(RFBHandshakeError.timedOut(seconds: seconds), context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(RFBHandshakeError.connectionClosed(during: handshake.currentStep), context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isFinished else {
            context.fireChannelRead(data)
            return
        }
        let buffer = unwrapInboundIn(data)
        do {
            try perform(handshake.receive(buffer.readableBytesView), context: context)
        } catch {
            fail(error, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(RFBHandshakeError.connectionClosed(during: handshake.currentStep), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !isFinished else {
            context.fireErrorCaught(error)
            return
        }
        fail(RFBHandshakeError.connectionFailed(during: handshake.currentStep, detail: "\(error)"), context: context)
    }

    private func perform(_ actions: [RFBClientHandshake.Action], context: ChannelHandlerContext) throws {
        for action in actions {
            switch action {
            case .send(let bytes):
                context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
            case .startTLS(let subtype):
                throw RFBHandshakeError.tlsNotSupported(subtype)
            case .completed(let result):
                context.flush()
                succeed(result, context: context)
                return
            }
        }
        context.flush()
    }

    private func succeed(_ result: RFBClientHandshake.Completion, context: ChannelHandlerContext) {
        isFinished = true
        timeoutTask?.cancel()
        completion.succeed(result)
        if !result.trailingBytes.isEmpty {
            context.fireChannelRead(wrapInboundOut(context.channel.allocator.buffer(bytes: result.trailingBytes)))
        }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        guard !isFinished else { return }
        isFinished = true
        timeoutTask?.cancel()
        completion.fail(error)
        context.close(promise: nil)
    }
}
