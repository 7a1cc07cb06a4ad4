import NIOCore

extension Bus {
    /// Routes to `node` over `link` while `body` runs (the life of a link connection).
    ///
    /// `topics` are what the peer serves, for `.nearest` resolution; `isDefault` makes the link
    /// the route for topics nobody else serves (an agent's link to its gateway). When `body`
    /// ends, the route is gone and every ask waiting on `node` fails with
    /// ``BusError/unreachable(node:)``. A newer attachment of the same node replaces an older
    /// one (a reconnect that raced the old connection's teardown).
    public func attach<T: Sendable>(
        _ node: NodeID, via link: any Link, serving topics: Set<Topic>, isDefault: Bool = false,
        while body: () async throws -> T
    ) async throws -> T {
        guard node != core.node else {
            throw BusError.remote(code: "link-refused", message: "a link may not claim this node's own name (\(node))")
        }
        let generation = core.table.withLock { table in
            table.generation += 1
            table.remote[node] = RouteTable.RemoteRoute(link: link, topics: topics, generation: table.generation)
            if isDefault { table.defaultNode = node }
            return table.generation
        }
        core.logger.info("link up", metadata: ["link.node": "\(node)", "link.topics": "\(topics.count)"])
        core.linkWatchers.publish(.up(node: node, topics: topics))
        defer {
            let removed = core.table.withLock { table in
                guard table.remote[node]?.generation == generation else { return false }
                table.remote[node] = nil
                if table.defaultNode == node { table.defaultNode = nil }
                return true
            }
            if removed {
                core.pending.failAll(to: node, with: .unreachable(node: node))
                core.logger.info("link down", metadata: ["link.node": "\(node)"])
                core.linkWatchers.publish(.down(node: node))
            }
        }
        return try await body()
    }

    /// Link changes from now on, starting with an `.up` for every node linked already.
    public func linkChanges() -> AsyncStream<LinkChange> {
        let (stream, continuation) = AsyncStream<LinkChange>.makeStream(bufferingPolicy: .bufferingNewest(1_024))
        core.linkWatchers.add(continuation)
        for (node, topics) in linkedNodes { continuation.yield(.up(node: node, topics: topics)) }
        return stream
    }

    /// The nodes linked right now, with the topics each serves.
    public var linkedNodes: [NodeID: Set<Topic>] {
        core.table.withLock { $0.remote.mapValues(\.topics) }
    }

    /// Hands the bus an envelope that arrived over a link. The link must already have
    /// stamped `from.node` with its authenticated peer.
    ///
    /// Sends and asks run in their own tasks so a slow handler never stalls the link; each
    /// task starts at once in the caller's thread (up to its first suspension, usually the
    /// hop onto the plugin's actor) instead of waiting for the scheduler. The reply or
    /// failure of an ask goes back over the link it came from.
    public func receive(_ envelope: Envelope) async {
        switch envelope.kind {
        case .reply:
            core.pending.resolve(envelope.correlation, from: envelope.from.node, with: .success(envelope.body))
        case .failure:
            let error = (try? envelope.body.decode(BusError.self, topic: envelope.topic))
                ?? .remote(code: "internal", message: "undecodable failure from \(envelope.from.node)")
            core.pending.resolve(envelope.correlation, from: envelope.from.node, with: .failure(error))
        case .send, .ask:
            Task.immediate { await self.serve(envelope) }
        case .open:
            core.logger.warning("stream opening delivered as an envelope; links must call accept", metadata: ["bus.topic": "\(envelope.topic)"])
        }
    }

    /// Serves a stream opening that arrived over a link: returns the local end for the link
    /// to pump, with the handler attached to the other end.
    public func accept(_ envelope: Envelope) async throws -> Duplex {
        let route = try localTarget(envelope)
        guard let accept = route.handler.accept else { throw kindMismatch(envelope.topic, route.handler) }
        return startStream(accept, body: envelope.body, caller: envelope.caller, topic: envelope.topic)
    }

    private func localTarget(_ envelope: Envelope) throws(BusError) -> RouteTable.LocalRoute {
        let destination: Destination
        switch envelope.to {
        case .nearest: destination = .node(core.node)
        case .node(let node): destination = .node(node)
        case .exactly: destination = envelope.to
        }
        // Envelopes travel one hop: anything addressed to another node is refused here.
        if case .node(let node) = destination, node != core.node { throw .unreachable(node: node) }
        if case .exactly(let address) = destination, address.node != core.node { throw .unreachable(node: address.node) }
        guard case .local(let route) = try core.resolve(envelope.topic, destination) else {
            throw .noRoute(topic: envelope.topic, destination: envelope.to)
        }
        return route
    }

    private func serve(_ envelope: Envelope) async {
        let result: Result<(any Encodable & Sendable)?, BusError>
        do {
            let route = try localTarget(envelope)
            guard let answer = route.handler.answer else { throw kindMismatch(envelope.topic, route.handler) }
            result = .success(try await answer(envelope.body, envelope.caller))
        } catch {
            result = .failure(BusError.wrapping(error))
        }
        guard envelope.kind == .ask else {
            if case .failure(let error) = result {
                core.logger.debug("remote send failed", metadata: ["bus.topic": "\(envelope.topic)", "error": "\(error)"])
            }
            return
        }
        await reply(to: envelope, with: result)
    }

    private func reply(to envelope: Envelope, with result: Result<(any Encodable & Sendable)?, BusError>) async {
        guard let link = core.link(to: envelope.from.node) else { return }
        var answer = Envelope(
            kind: .reply, topic: envelope.topic, from: address, to: .exactly(envelope.from),
            correlation: envelope.correlation, body: .json(ByteBuffer()))
        do {
            switch result {
            case .success(let value?):
                answer.body = .json(try Body.value(value).encoded())
            case .success(nil):
                throw BusError.wrongType(topic: envelope.topic, expected: "a request", got: "a message without reply")
            case .failure(let error):
                throw error
            }
        } catch {
            answer.kind = .failure
            answer.body = .json((try? Body.value(BusError.wrapping(error)).encoded()) ?? ByteBuffer())
        }
        try? await link.deliver(answer)
    }
}
