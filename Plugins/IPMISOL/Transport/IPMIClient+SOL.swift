extension IPMIClient {
    /// Activates Serial-over-LAN and returns the console.
    ///
    /// - Parameter force: when the BMC reports the payload active in another session
    ///   (completion code 0x80), deactivate it there first and retry. Without `force` that
    ///   case throws ``IPMIError/payloadAlreadyActive``.
    public func openConsole(force: Bool = false) async throws -> SOLConsole {
        try await serialized { connection in
            if let stale = self.console, await !stale.connection.hasSOL || stale.connection !== connection {
                // Ended by the BMC (deactivated, perhaps taken over) without our close().
                await self.deactivate(stale)
            }
            guard self.console == nil else { throw IPMIError.payloadAlreadyActive }
            guard let info = await connection.established else {
                throw IPMIError.closed(reason: "the IPMI session is not established")
            }
            let activate = SOLPayloadActivation.activateRequest(
                encrypted: info.cipherSuite.confidentiality != .none,
                authenticated: info.cipherSuite.integrity != .none
            )
            var response = try await self.sendAllowingFailure(activate, on: connection)
            if response.completionCode == SOLPayloadActivation.alreadyActive {
                guard force else { throw IPMIError.payloadAlreadyActive }
                self.logger.info("sol payload active elsewhere; deactivating it (force)")
                let deactivated = try await self.sendAllowingFailure(SOLPayloadActivation.deactivateRequest, on: connection)
                guard deactivated.completionCode == .success || deactivated.completionCode == SOLPayloadActivation.alreadyDeactivated else {
                    throw IPMIError.completionCode(deactivated.completionCode, command: SOLPayloadActivation.deactivateRequest.name)
                }
                response = try await self.sendAllowingFailure(activate, on: connection)
                if response.completionCode == SOLPayloadActivation.alreadyActive {
                    throw IPMIError.payloadAlreadyActive
                }
            }
            guard response.completionCode == .success else {
                if response.completionCode == .insufficientPrivilege {
                    throw IPMIError.insufficientPrivilege(detail: "\(activate.name) was refused (completion code 0xD4)")
                }
                throw IPMIError.completionCode(response.completionCode, command: activate.name)
            }
            let activation = try SOLPayloadActivation.decode(response.data)
            let inbound = await connection.attachSOL(SOLStateMachine.Configuration(
                maximumChunk: max(1, Int(activation.inboundPayloadSize)),
                retransmitTimeout: self.configuration.solRetransmitTimeout,
                maximumAttempts: self.configuration.solMaximumAttempts,
                busyRetryDelay: .milliseconds(20),
                firstSequence: self.nextSOLStartSequence()
            ))
            let console = SOLConsole(
                inbound: SOLConsole.Inbound(base: inbound), activation: activation, connection: connection, client: self
            )
            self.console = console
            return console
        }
    }

    /// The first SOL sequence number: one past the last one used with this BMC, or random.
    private func nextSOLStartSequence() -> UInt8 {
        if let lastSOLSequence {
            return SOLPacket.sequence(after: lastSOLSequence)
        }
        return UInt8.random(in: 1...15)
    }

    func closeConsole(_ closing: SOLConsole) async {
        await acquireGate()
        await deactivate(closing)
        releaseGate()
    }

    /// Deactivates the payload (best effort) and detaches the console; caller holds the gate.
    /// A console the BMC already ended is only forgotten: its payload may belong to another
    /// session by now, and Deactivate Payload would evict that session.
    func deactivate(_ closing: SOLConsole) async {
        guard console === closing else { return }
        console = nil
        let connection = closing.connection
        guard let last = await connection.detachSOL(reason: nil) else {
            lastSOLSequence = await connection.lastDetachedSOLSequence ?? lastSOLSequence
            return
        }
        lastSOLSequence = last
        if await connection.isUsable {
            _ = try? await sendAllowingFailure(SOLPayloadActivation.deactivateRequest, on: connection)
        }
    }
}
