import Logging

/// The message bus of one node, as seen by one sender.
///
/// Three verbs: ``send(_:to:)`` (no reply), ``ask(_:to:timeout:)`` (typed reply, timeout) and
/// ``open(_:to:)`` (a back-pressured byte stream). Everything sent is stamped with this
/// handle's ``address``.
///
/// Semantics, stated once:
/// - `send` and `ask` are at most once; an ask that times out may still have run.
/// - Local delivery passes the value itself, without encoding, in the caller's task.
/// - No ordering is promised between different sending tasks. A plugin that needs strict order
///   funnels its input into its own channel and drains it in `run()`.
/// - Every failure is a thrown ``BusError``, never a crash; an error a handler throws reaches
///   the caller as ``BusError/remote(code:message:)`` whether the handler is local or not.
public struct Bus: Sendable {
    let core: BusCore
    /// The sender's address: `instance@node`.
    public let address: Address

    /// A bus for a new node; `address` is the kernel's own identity on it.
    public init(node: NodeID, logger: Logger = Logger(label: "tether.bus")) {
        core = BusCore(node: node, logger: logger)
        address = Address(instance: "kernel", node: node)
    }

    init(core: BusCore, address: Address) {
        self.core = core
        self.address = address
    }

    /// The node this bus belongs to.
    public var node: NodeID { core.node }

    /// The same bus, sending as another instance of this node.
    public func sending(as instance: PluginID) -> Bus {
        Bus(core: core, address: Address(instance: instance, node: core.node))
    }

    /// Delivers a message that gets no reply.
    public func send<M: Message>(_ message: M, to destination: Destination = .nearest, metadata: [String: String] = [:]) async throws {
        core.meters.count(M.topic, .send)
        switch try core.resolve(M.topic, destination) {
        case .local(let route):
            guard let answer = route.handler.answer else { throw kindMismatch(M.topic, route.handler) }
            do {
                _ = try await answer(.value(message), Caller(from: address, metadata: metadata))
            } catch {
                throw error is CancellationError ? error : BusError.wrapping(error)
            }
        case .remote(let node, let link):
            let envelope = Envelope(
                kind: .send, topic: M.topic, from: address, to: remoteDestination(destination, node),
                metadata: metadata, body: .json(try Body.value(message).encoded()))
            try await deliver(envelope, over: link, to: node)
        }
    }

    /// Asks and waits for the typed reply.
    /// - Throws: ``BusError/timeout(topic:afterMilliseconds:)`` when no reply comes in time,
    ///   ``BusError/wrongType(topic:expected:got:)`` when the reply is not an `R.Reply`, or
    ///   whatever ``BusError`` the route or the handler produced.
    public func ask<R: Request>(
        _ request: R, to destination: Destination = .nearest, timeout: Duration = .seconds(10),
        metadata: [String: String] = [:]
    ) async throws -> R.Reply {
        let start = ContinuousClock.now
        defer { core.meters.recordAsk(since: start) }
        core.meters.count(R.topic, .ask)
        let caller = Caller(from: address, metadata: metadata)
        switch try core.resolve(R.topic, destination) {
        case .local(let route):
            guard let answer = route.handler.answer, route.handler.kind == .request else {
                throw kindMismatch(R.topic, route.handler)
            }
            let reply = try await LocalAsk.run(answer, body: .value(request), caller: caller, topic: R.topic, timeout: timeout)
            guard let typed = reply as? R.Reply else {
                throw BusError.wrongType(topic: R.topic, expected: "\(R.Reply.self)", got: reply.map { "\(type(of: $0))" } ?? "no reply")
            }
            return typed
        case .remote(let node, let link):
            let body = try await remoteAsk(request, caller: caller, destination: remoteDestination(destination, node), node: node, link: link, timeout: timeout)
            return try body.decode(R.Reply.self, topic: R.topic)
        }
    }

    /// Opens a byte stream to the handler of `request`; the returned duplex is your end.
    public func open<S: StreamRequest>(_ request: S, to destination: Destination = .nearest, metadata: [String: String] = [:]) async throws -> Duplex {
        core.meters.count(S.topic, .open)
        switch try core.resolve(S.topic, destination) {
        case .local(let route):
            guard let accept = route.handler.accept else { throw kindMismatch(S.topic, route.handler) }
            return startStream(accept, body: .value(request), caller: Caller(from: address, metadata: metadata), topic: S.topic)
        case .remote(let node, let link):
            let envelope = Envelope(
                kind: .open, topic: S.topic, from: address, to: remoteDestination(destination, node),
                metadata: metadata, body: .json(try Body.value(request).encoded()))
            do {
                return try await link.open(envelope)
            } catch {
                throw linkFailure(error, node: node)
            }
        }
    }
}
