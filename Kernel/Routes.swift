/// The topics one plugin instance serves, declared in ``Plugin/routes(_:)``.
///
/// ```swift
/// routes.handle(Audit.Record.self) { record, caller in await self.append(record) }
/// routes.answer(Power.Set.self) { request, caller in try await self.power(request) }
/// routes.accept(SOL.Attach.self) { request, duplex, caller in try await self.attach(request, duplex) }
/// ```
public struct Routes: Sendable {
    /// The handlers by topic.
    public private(set) var handlers: [Topic: RouteHandler] = [:]

    public init() {}

    /// Serves a message that gets no reply.
    public mutating func handle<M: Message>(
        _ type: M.Type, _ handler: @escaping @Sendable (M, Caller) async throws -> Void
    ) {
        handlers[M.topic] = RouteHandler(
            kind: .message, typeName: "\(M.self)",
            answer: { body, caller in
                try await handler(try body.decode(M.self, topic: M.topic), caller)
                return nil
            },
            accept: nil)
    }

    /// Serves a request with its typed reply.
    public mutating func answer<R: Request>(
        _ type: R.Type, _ handler: @escaping @Sendable (R, Caller) async throws -> R.Reply
    ) {
        handlers[R.topic] = RouteHandler(
            kind: .request, typeName: "\(R.self)",
            answer: { body, caller in try await handler(try body.decode(R.self, topic: R.topic), caller) },
            accept: nil)
    }

    /// Serves a stream request: the handler owns its end of the duplex until it returns.
    public mutating func accept<S: StreamRequest>(
        _ type: S.Type, _ handler: @escaping @Sendable (S, Duplex, Caller) async throws -> Void
    ) {
        handlers[S.topic] = RouteHandler(
            kind: .stream, typeName: "\(S.self)",
            answer: nil,
            accept: { body, duplex, caller in try await handler(try body.decode(S.self, topic: S.topic), duplex, caller) })
    }

    /// The topics served, sorted by name.
    public var topics: [Topic] { handlers.keys.sorted { $0.rawValue < $1.rawValue } }
}
