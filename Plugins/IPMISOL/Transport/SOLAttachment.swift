import NIOCore

/// The SOL state of a connection while a console is attached.
struct SOLAttachment {
    typealias Producer = NIOThrowingAsyncSequenceProducer<
        [UInt8], any Error, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, SOLInboundDelegate
    >

    var machine: SOLStateMachine
    var source: Producer.Source
    /// Characters handed to the state machine since activation.
    var enqueuedTotal: UInt64 = 0
    /// Writers waiting until the BMC has accepted everything up to `target`.
    var writeWaiters: [(target: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    var timer: Task<Void, Never>?
}
