import GRPCCore
import NIOCore
import TetherAPIProto

/// The client messages of a `SerialConsole` stream after its `open`, as console events.
///
/// `@unchecked Sendable`: it carries the call's message iterator (which gRPC marks
/// non-Sendable), already past `open`, from the handler to the console session's client pump.
/// The handler never touches the iterator again, and the pump, its only reader, iterates once.
struct GRPCConsoleEvents: AsyncSequence, @unchecked Sendable {
    typealias Element = ConsoleClientEvent

    /// The call's messages, positioned after `open`.
    let messages: RPCAsyncSequence<Tether_V1_ConsoleInput, any Error>.AsyncIterator

    func makeAsyncIterator() -> Iterator { Iterator(messages: messages) }

    struct Iterator: AsyncIteratorProtocol {
        var messages: RPCAsyncSequence<Tether_V1_ConsoleInput, any Error>.AsyncIterator

        mutating func next() async throws -> ConsoleClientEvent? {
            guard let input = try await messages.next() else { return nil }
            return GRPCConsoleEvents.event(of: input)
        }
    }

    /// The console event one message stands for (pure).
    static func event(of input: Tether_V1_ConsoleInput) -> ConsoleClientEvent {
        switch input.kind {
        case .data(let bytes): .bytes(ByteBuffer(bytes: bytes))
        case .renew(let renew): .control(.refresh(token: renew.token))
        case .resize: .control(.resize)
        case .break: .control(.sendBreak)
        case .open: .invalid(.badRequest("`open` is sent once, as the first message of the stream"))
        case nil: .invalid(.badRequest("an empty console message: set one of data, renew, resize, break"))
        }
    }
}
