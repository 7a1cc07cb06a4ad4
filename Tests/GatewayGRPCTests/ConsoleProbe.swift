import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GatewayTesting
import TetherAPIProto

/// One `SerialConsole` stream driven by a test: `send` messages, read what comes back with
/// a bounded wait.
actor ConsoleProbe {
    private let inputs: AsyncStream<Tether_V1_ConsoleInput>.Continuation
    private var outputs: AsyncThrowingStream<Tether_V1_ConsoleOutput, any Error>.Iterator

    init(inputs: AsyncStream<Tether_V1_ConsoleInput>.Continuation, outputs: AsyncThrowingStream<Tether_V1_ConsoleOutput, any Error>) {
        self.inputs = inputs
        self.outputs = outputs.makeAsyncIterator()
    }

    /// Opens a console stream (sending `open` for `server` first unless `open` is false) and
    /// runs `body` with it; the stream's client side ends when `body` returns.
    @discardableResult
    static func with<T: Sendable>(
        _ gateway: GRPCGateway, token: String?, server: String = "lab-01", open: Bool = true, _ body: @Sendable (ConsoleProbe) async throws -> T
    ) async throws -> T {
        let (inputs, inputContinuation) = AsyncStream<Tether_V1_ConsoleInput>.makeStream()
        let (outputs, outputContinuation) = AsyncThrowingStream<Tether_V1_ConsoleOutput, any Error>.makeStream()
        if open { inputContinuation.yield(.with { $0.kind = .open(.with { $0.server = server }) }) }
        let metadata = token.map(GRPCGateway.bearer) ?? [:]
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                do {
                    try await gateway.client.serialConsole(metadata: metadata) { writer in
                        for await input in inputs { try await writer.write(input) }
                    } onResponse: { response in
                        for try await message in response.messages { outputContinuation.yield(message) }
                        outputContinuation.finish()
                    }
                } catch {
                    outputContinuation.finish(throwing: error)
                }
                return nil
            }
            let result = try await body(ConsoleProbe(inputs: inputContinuation, outputs: outputs))
            inputContinuation.finish()
            group.cancelAll()
            return result
        }
    }

    func send(_ kind: Tether_V1_ConsoleInput.OneOf_Kind) {
        inputs.yield(.with { $0.kind = kind })
    }

    func send(text: String) { send(.data(Data(text.utf8))) }

    /// The next message; nil when the stream ended. Throws the call's error, or after `limit`.
    func next(within limit: Duration = .seconds(10)) async throws -> Tether_V1_ConsoleOutput? {
        // Past the limit the client side ends, so the gateway ends the stream and `next` returns.
        let inputs = self.inputs
        let deadline = Task {
            try await Task.sleep(for: limit)
            inputs.finish()
            return true
        }
        var iterator = outputs  // a copy shares the stream; the actor's property cannot be borrowed across the wait
        let message = try await iterator.next(isolation: self)
        outputs = iterator
        deadline.cancel()
        if message == nil, (try? await deadline.value) == true { throw TestFailure("no console message within \(limit)") }
        return message
    }

    /// Reads until the console output so far contains `text`; the messages that were not data.
    @discardableResult
    func expectOutput(containing text: String, within limit: Duration = .seconds(10)) async throws -> [Tether_V1_ConsoleOutput] {
        var seen = ""
        var others: [Tether_V1_ConsoleOutput] = []
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            guard let message = try await next(within: limit) else { throw TestFailure("the stream ended before \(text.debugDescription); got \(seen.debugDescription)") }
            if case .data(let bytes) = message.kind {
                seen += String(decoding: bytes, as: UTF8.self)
                if seen.contains(text) { return others }
            } else {
                others.append(message)
            }
        }
        throw TestFailure("no \(text.debugDescription) within \(limit); got \(seen.debugDescription)")
    }

    /// Reads until the `end` message.
    func expectEnd(within limit: Duration = .seconds(10)) async throws -> Tether_V1_ConsoleEnd {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            guard let message = try await next(within: limit) else { throw TestFailure("the stream ended without an end message") }
            if case .end(let end) = message.kind { return end }
        }
        throw TestFailure("no end message within \(limit)")
    }
}
