extension RMCPPlusSession.StateMachine {
    static let closeSessionCommand: UInt8 = 0x3C
    static let setSessionPrivilegeCommand: UInt8 = 0x3B

    mutating func transmitSessionRequest(_ request: IPMIRequest) -> [Action] {
        let sequence = nextRequestSequence()
        do {
            let bytes = try seal(request.encode(sequence: sequence), type: .ipmiMessage)
            return transmit(
                bytes, step: request.name, retransmission: .sessionRequest(request, sequence: sequence),
                request: request, requestSequence: sequence
            )
        } catch {
            return fail(error)
        }
    }

    mutating func enqueue(_ request: IPMIRequest) -> [Action] {
        switch phase {
        case .closed, .closing:
            return [.requestFailed(request, .closed(reason: "the IPMI session is closed"))]
        case .failed(let error):
            return [.requestFailed(request, error)]
        case .established where outstanding == nil:
            return transmitSessionRequest(request)
        default:
            queuedRequests.append(request)
            return []
        }
    }

    mutating func close() -> [Action] {
        switch phase {
        case .established where outstanding == nil:
            return sendCloseSession()
        case .established, .awaitingSetPrivilege:
            // Pending work is abandoned; the BMC still gets its Close Session.
            var actions = failPending(.closed(reason: "the IPMI session was closed"))
            actions += sendCloseSession()
            return actions
        case .closing, .closed:
            return []
        default:
            var actions = failPending(.closed(reason: "the IPMI session was closed"))
            outstanding = nil
            timerToken &+= 1
            enter(.closed)
            actions.append(.closed)
            return actions
        }
    }

    private mutating func failPending(_ error: IPMIError) -> [Action] {
        var actions: [Action] = []
        if phase == .established, let request = outstanding?.request {
            actions.append(.requestFailed(request, error))
        }
        actions += queuedRequests.map { .requestFailed($0, error) }
        queuedRequests = []
        return actions
    }

    private mutating func sendCloseSession() -> [Action] {
        var data: [UInt8] = []
        data.appendLittleEndian(managedSystemSessionID)
        let request = IPMIRequest(.application, command: Self.closeSessionCommand, data: data, name: "Close Session")
        enter(.closing)
        return transmitSessionRequest(request)
    }

    mutating func finishClosing() -> [Action] {
        outstanding = nil
        timerToken &+= 1
        enter(.closed)
        return [.closed]
    }

    // MARK: - Inbound session traffic

    mutating func receiveInSession(_ datagram: [UInt8]) throws(IPMIError) -> [Action] {
        let packet = try IPMI20SessionWrapper.decode(datagram, security: security)
        guard packet.sessionID == remoteConsoleSessionID else { return [] }
        // A session with integrity accepts only authenticated packets (and vice versa).
        guard packet.isAuthenticated == security.isAuthenticated else { return [] }
        let fresh = packet.isAuthenticated
            ? inboundAuthenticated.accept(packet.sequenceNumber)
            : inboundUnauthenticated.accept(packet.sequenceNumber)
        guard fresh else { return [] }

        switch packet.payloadType {
        case .ipmiMessage:
            return receiveSessionResponse(try IPMIResponse.decode(packet.payload))
        case .sol where phase == .established:
            return [.deliverSOL(packet.payload)]
        default:
            return []
        }
    }

    private mutating func receiveSessionResponse(_ response: IPMIResponse) -> [Action] {
        guard let current = outstanding, let request = current.request, let sequence = current.requestSequence,
              response.answers(request, sequence: sequence)
        else { return [] }
        outstanding = nil
        timerToken &+= 1

        switch phase {
        case .awaitingSetPrivilege:
            return receiveSetPrivilegeResponse(response, request: request)
        case .closing:
            return finishClosing()
        case .established:
            var actions: [Action] = [.deliverResponse(response, request: request)]
            if !queuedRequests.isEmpty {
                actions += transmitSessionRequest(queuedRequests.removeFirst())
            }
            return actions
        default:
            return []
        }
    }

    private mutating func receiveSetPrivilegeResponse(_ response: IPMIResponse, request: IPMIRequest) -> [Action] {
        switch response.completionCode.rawValue {
        case 0x00:
            break
        case 0x80, 0x81, 0xD4:
            return fail(.insufficientPrivilege(
                detail: "user \"\(usernameString)\" may not use privilege \(configuration.privilege)"
                    + " (Set Session Privilege Level: completion code \(response.completionCode))"
            ))
        default:
            return fail(.completionCode(response.completionCode, command: request.name))
        }
        guard let suite = selectedSuite else {
            return fail(.closed(reason: "no cipher suite negotiated"))
        }
        enter(.established)
        var actions: [Action] = [.established(RMCPPlusSession.Established(
            cipherSuite: suite,
            remoteConsoleSessionID: remoteConsoleSessionID,
            managedSystemSessionID: managedSystemSessionID,
            privilege: configuration.privilege
        ))]
        if !queuedRequests.isEmpty {
            actions += transmitSessionRequest(queuedRequests.removeFirst())
        }
        return actions
    }
}
