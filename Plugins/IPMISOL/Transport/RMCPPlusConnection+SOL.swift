import NIOCore

extension RMCPPlusConnection {
    /// Attaches an SOL state machine; returns the back-pressured inbound character sequence.
    func attachSOL(_ configuration: SOLStateMachine.Configuration) -> SOLAttachment.Producer {
        let produced = SOLAttachment.Producer.makeSequence(
            backPressureStrategy: .init(lowWatermark: 8, highWatermark: 64),
            finishOnDeinit: false,
            delegate: SOLInboundDelegate(connection: self)
        )
        sol = SOLAttachment(machine: SOLStateMachine(configuration: configuration), source: produced.source)
        return produced.sequence
    }

    var hasSOL: Bool { sol != nil }

    /// Hands `bytes` to the SOL state machine; returns once the BMC accepted all of them.
    func solWrite(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        guard var attachment = sol else { throw IPMIError.closed(reason: "the SOL console is closed") }
        attachment.enqueuedTotal += UInt64(bytes.count)
        let target = attachment.enqueuedTotal
        sol = attachment
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            sol?.writeWaiters.append((target, continuation))
            executeSOL(solHandle(.write(bytes)))
        }
    }

    func solBreak() throws {
        guard sol != nil else { throw IPMIError.closed(reason: "the SOL console is closed") }
        executeSOL(solHandle(.sendBreak))
    }

    func solConsumerReady(_ ready: Bool) {
        executeSOL(solHandle(.consumerReady(ready)))
    }

    /// Ends the console: the inbound sequence finishes (with `reason` unless it is a normal
    /// close) and waiting writers fail. Returns the last SOL sequence number used.
    @discardableResult
    func detachSOL(reason: IPMIError?) -> UInt8? {
        guard let attachment = sol else { return nil }
        sol = nil
        attachment.timer?.cancel()
        let error = reason ?? .closed(reason: "the SOL console was closed")
        for waiter in attachment.writeWaiters {
            waiter.continuation.resume(throwing: error)
        }
        if let reason {
            attachment.source.finish(reason)
        } else {
            attachment.source.finish()
        }
        lastDetachedSOLSequence = attachment.machine.lastUsedSequence
        return attachment.machine.lastUsedSequence
    }

    func receiveSOL(_ payload: [UInt8]) {
        guard sol != nil, let packet = try? SOLPacket.decode(payload) else { return }
        logger.trace("sol in", metadata: [
            "sol.seq": "\(packet.sequence)", "sol.ack": "\(packet.acknowledgedSequence)",
            "sol.count": "\(packet.acceptedCount)", "sol.status": "\(packet.operationOrStatus)", "sol.length": "\(packet.data.count)",
        ])
        executeSOL(solHandle(.packetReceived(packet)))
    }

    private func solHandle(_ event: SOLStateMachine.Event) -> [SOLStateMachine.Action] {
        guard var attachment = sol else { return [] }
        let actions = attachment.machine.handle(event)
        sol = attachment
        return actions
    }

    private func solTimerFired(_ token: UInt64) {
        executeSOL(solHandle(.timerFired(token: token)))
    }

    private func executeSOL(_ actions: [SOLStateMachine.Action]) {
        for action in actions {
            guard sol != nil else { return }
            switch action {
            case .send(let packet):
                logger.trace("sol out", metadata: [
                    "sol.seq": "\(packet.sequence)", "sol.ack": "\(packet.acknowledgedSequence)",
                    "sol.count": "\(packet.acceptedCount)", "sol.length": "\(packet.data.count)",
                ])
                do {
                    socket.send(try session.sealSOL(packet.encode()))
                } catch {
                    detachSOL(reason: error)
                }
            case .deliver(let bytes):
                guard let result = sol?.source.yield(bytes) else { return }
                if result == .stopProducing {
                    executeSOL(solHandle(.consumerReady(false)))
                }
            case .armTimer(let token, let delay):
                sol?.timer?.cancel()
                sol?.timer = Task { [weak self] in
                    try? await Task.sleep(for: delay)
                    guard !Task.isCancelled else { return }
                    await self?.solTimerFired(token)
                }
            case .acknowledged(let total):
                resumeWriters(upTo: total)
            case .deactivated:
                detachSOL(reason: .closed(reason: "the BMC deactivated the SOL payload"))
            case .failed(let error):
                detachSOL(reason: error)
            }
        }
    }

    private func resumeWriters(upTo total: UInt64) {
        guard var attachment = sol else { return }
        let done = attachment.writeWaiters.filter { $0.target <= total }
        attachment.writeWaiters.removeAll { $0.target <= total }
        sol = attachment
        for waiter in done {
            waiter.continuation.resume()
        }
    }
}
