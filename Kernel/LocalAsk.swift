/// Runs a local handler for an ask with a hard timeout, at the cost of a direct call when the
/// handler answers without waiting.
///
/// The handler starts synchronously in an immediate task. If it finishes before suspending
/// (an idle plugin actor answering from memory), its result is taken at once: no timer, no
/// thread hop. If it suspends, the asker waits with a timer; on timeout the handler's task is
/// cancelled and the asker gets ``BusError/timeout(topic:afterMilliseconds:)`` even if the
/// handler ignores cancellation.
enum LocalAsk {
    typealias Answer = @Sendable (Body, Caller) async throws -> (any Encodable & Sendable)?

    static func run(_ answer: @escaping Answer, body: Body, caller: Caller, topic: Topic, timeout: Duration) async throws -> (any Encodable & Sendable)? {
        let slot = ReplySlot<(any Encodable & Sendable)?>()
        let handler = Task.immediate {
            do {
                slot.resolve(.success(try await answer(body, caller)))
            } catch {
                slot.resolve(.failure(error is CancellationError ? error : BusError.wrapping(error)))
            }
        }
        if let result = slot.takeIfResolved() { return try result.get() }
        let timer = Task {
            try await Task.sleep(for: timeout)
            if slot.resolve(.failure(BusError.timeout(topic: topic, afterMilliseconds: timeout.milliseconds))) {
                handler.cancel()
            }
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await slot.wait()
        } onCancel: {
            slot.resolve(.failure(CancellationError()))
            handler.cancel()
        }
    }
}
