extension Bus {
    /// `.nearest` resolved to a linked node becomes `.node(that node)`, so the far side does
    /// not send it anywhere else.
    func remoteDestination(_ destination: Destination, _ node: NodeID) -> Destination {
        if case .nearest = destination { return .node(node) }
        return destination
    }

    func kindMismatch(_ topic: Topic, _ handler: RouteHandler) -> BusError {
        .wrongType(topic: topic, expected: "a \(handler.kind.rawValue) (\(handler.typeName))", got: "another kind of message")
    }

    func deliver(_ envelope: Envelope, over link: any Link, to node: NodeID) async throws {
        do {
            try await link.deliver(envelope)
        } catch {
            throw linkFailure(error, node: node)
        }
    }

    func linkFailure(_ error: any Error, node: NodeID) -> BusError {
        if let bus = error as? BusError { return bus }
        return .unreachable(node: node)
    }

    func remoteAsk<R: Request>(
        _ request: R, caller: Caller, destination: Destination, node: NodeID, link: any Link, timeout: Duration
    ) async throws -> Body {
        let body = try Body.value(request).encoded()
        let (id, slot) = core.pending.register(node: node, topic: R.topic, timeout: timeout)
        defer { core.pending.remove(id) }
        let envelope = Envelope(
            kind: .ask, topic: R.topic, from: caller.from, to: destination, correlation: id,
            metadata: caller.metadata, body: .json(body))
        do {
            try await link.deliver(envelope)
        } catch {
            slot.resolve(.failure(linkFailure(error, node: node)))
        }
        return try await withTaskCancellationHandler {
            try await slot.wait()
        } onCancel: {
            slot.resolve(.failure(CancellationError()))
        }
    }

    /// Connects a local stream handler to a fresh duplex pair and returns the caller's end.
    /// The handler's end is closed when the handler returns or throws.
    func startStream(
        _ accept: @escaping @Sendable (Body, Duplex, Caller) async throws -> Void, body: Body, caller: Caller, topic: Topic
    ) -> Duplex {
        let (callerEnd, handlerEnd) = Duplex.pair()
        let logger = core.logger
        Task {
            do {
                try await accept(body, handlerEnd, caller)
                handlerEnd.outbound.finish()
            } catch {
                logger.debug("stream handler ended", metadata: ["bus.topic": "\(topic)", "error": "\(error)"])
                handlerEnd.outbound.fail(BusError.wrapping(error))
            }
            handlerEnd.inbound.close()
        }
        return callerEnd
    }
}

extension Duration {
    /// Whole milliseconds, for messages.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
