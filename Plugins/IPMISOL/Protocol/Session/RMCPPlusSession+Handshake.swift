extension RMCPPlusSession.StateMachine {
    typealias Action = RMCPPlusSession.Action

    mutating func start() -> [Action] {
        guard phase == .idle else { return [] }
        enter(.awaitingAuthenticationCapabilities)
        return transmitSessionless(ChannelAuthenticationCapabilities.request(privilege: configuration.privilege))
    }

    mutating func receive(_ datagram: [UInt8]) -> [Action] {
        // Byte 4 is the authentication type: 0x06 marks the RMCP+ (v2.0) wrapper.
        guard datagram.count > 4, datagram[3] & 0x1F == RMCPHeader.MessageClass.ipmi.rawValue else {
            return []
        }
        let isRMCPPlus = datagram[4] == IPMI20SessionWrapper.authenticationTypeRMCPPlus
        do {
            switch phase {
            case .awaitingAuthenticationCapabilities, .awaitingCipherSuites:
                guard !isRMCPPlus else { return [] }
                let message = try IPMI15SessionWrapper.decode(datagram)
                return try receiveSessionless(IPMIResponse.decode(message))
            case .awaitingOpenSession, .awaitingRAKP2, .awaitingRAKP4:
                guard isRMCPPlus else { return [] }
                return try receiveHandshake(IPMI20SessionWrapper.decode(datagram, security: .none))
            case .awaitingSetPrivilege, .established, .closing:
                guard isRMCPPlus else { return [] }
                return try receiveInSession(datagram)
            case .idle, .closed, .failed:
                return []
            }
        } catch {
            // Garbage must not end a session (anyone can send UDP); remember it so a
            // timeout can say the BMC answered with something unusable.
            lastMalformedReason = "\(error)"
            return []
        }
    }

    // MARK: - Discovery

    private mutating func receiveSessionless(_ response: IPMIResponse) throws(IPMIError) -> [Action] {
        guard let current = outstanding, let request = current.request, let sequence = current.requestSequence,
              response.answers(request, sequence: sequence)
        else { return [] }
        switch phase {
        case .awaitingAuthenticationCapabilities:
            guard response.completionCode == .success else {
                return fail(.completionCode(response.completionCode, command: request.name))
            }
            let capabilities = try ChannelAuthenticationCapabilities.decode(response.data)
            guard capabilities.supportsIPMI20 else { return fail(.rmcpPlusNotSupported) }
            enter(.awaitingCipherSuites(listIndex: 0, records: []))
            return transmitSessionless(ChannelCipherSuites.request(listIndex: 0))
        case .awaitingCipherSuites(let listIndex, let records):
            guard response.completionCode == .success else {
                // Some BMCs cannot list suites before a session: probe in policy order.
                return chooseCipherSuite(offered: nil)
            }
            let chunk = try ChannelCipherSuites.decodeResponse(response.data)
            let allRecords = records + chunk
            if chunk.count == ChannelCipherSuites.bytesPerResponse, listIndex < ChannelCipherSuites.maximumListIndex {
                enter(.awaitingCipherSuites(listIndex: listIndex + 1, records: allRecords))
                return transmitSessionless(ChannelCipherSuites.request(listIndex: listIndex + 1))
            }
            return chooseCipherSuite(offered: try ChannelCipherSuites.suiteIDs(in: allRecords))
        default:
            return []
        }
    }

    private mutating func chooseCipherSuite(offered: [UInt8]?) -> [Action] {
        offeredSuiteIDs = offered
        candidates = configuration.cipherSuitePolicy.candidates(offered: offered)
        guard !candidates.isEmpty else {
            return fail(unsupportedSuiteError())
        }
        return openSession(candidateIndex: 0)
    }

    private func unsupportedSuiteError() -> IPMIError {
        .unsupportedCipherSuite(
            offered: offeredSuiteIDs ?? [],
            acceptable: configuration.cipherSuitePolicy.preferenceOrder.map(\.id)
        )
    }

    private mutating func openSession(candidateIndex: Int) -> [Action] {
        let suite = candidates[candidateIndex]
        selectedSuite = suite
        remoteConsoleSessionID = Self.nonZeroSessionID(configuration.randomBytes(4))
        let request = OpenSessionRequest(
            messageTag: nextMessageTag(),
            requestedMaximumPrivilege: configuration.privilege.rawValue,
            remoteConsoleSessionID: remoteConsoleSessionID,
            cipherSuite: suite
        )
        enter(.awaitingOpenSession(candidateIndex: candidateIndex))
        return transmitHandshake(request.encode(), type: .openSessionRequest, step: "Open Session Request (\(suite))")
    }

    static func nonZeroSessionID(_ bytes: [UInt8]) -> UInt32 {
        let value = bytes.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        return value == 0 ? 1 : value
    }

    private mutating func transmitHandshake(_ payload: [UInt8], type: PayloadType, step: String) -> [Action] {
        do {
            let bytes = try IPMI20SessionWrapper.encode(
                payloadType: type, sessionID: 0, sequenceNumber: 0, payload: payload, security: .none, iv: []
            )
            return transmit(bytes, step: step, retransmission: .sameBytes(bytes))
        } catch {
            return fail(error)
        }
    }

    // MARK: - Open Session and RAKP

    private mutating func receiveHandshake(_ packet: RMCPPlusPacket) throws(IPMIError) -> [Action] {
        switch (phase, packet.payloadType) {
        case (.awaitingOpenSession(let index), .openSessionResponse):
            return try receiveOpenSessionResponse(OpenSessionResponse.decode(packet.payload), candidateIndex: index)
        case (.awaitingRAKP2, .rakpMessage2):
            return try receiveRAKP2(RAKPMessage2.decode(packet.payload))
        case (.awaitingRAKP4, .rakpMessage4):
            return try receiveRAKP4(RAKPMessage4.decode(packet.payload))
        default:
            return []
        }
    }

    private mutating func receiveOpenSessionResponse(
        _ response: OpenSessionResponse, candidateIndex: Int
    ) throws(IPMIError) -> [Action] {
        guard response.messageTag == messageTag else { return [] }
        guard response.status == .noErrors else {
            if response.status.rejectsCipherSuite {
                if candidateIndex + 1 < candidates.count {
                    return openSession(candidateIndex: candidateIndex + 1)
                }
                return fail(unsupportedSuiteError())
            }
            return fail(sessionError(response.status, step: "Open Session Request"))
        }
        guard response.remoteConsoleSessionID == remoteConsoleSessionID else { return [] }
        guard let suite = selectedSuite, response.confirms(suite) else {
            return fail(.malformedPacket("Open Session Response confirms other algorithms than \(selectedSuite?.description ?? "proposed")"))
        }
        managedSystemSessionID = response.managedSystemSessionID
        let username = configuration.username
        let rakp1 = RAKPMessage1(
            messageTag: nextMessageTag(),
            managedSystemSessionID: managedSystemSessionID,
            remoteConsoleRandom: configuration.randomBytes(16),
            requestedRole: requestedRole,
            username: username
        )
        keyExchange = RAKPKeyExchange(
            algorithm: suite.authentication, userKey: configuration.password, bmcKey: configuration.bmcKey,
            remoteConsoleSessionID: remoteConsoleSessionID, managedSystemSessionID: managedSystemSessionID,
            remoteConsoleRandom: rakp1.remoteConsoleRandom, managedSystemRandom: [], managedSystemGUID: [],
            requestedRole: rakp1.requestedRole, username: username
        )
        enter(.awaitingRAKP2)
        return transmitHandshake(rakp1.encode(), type: .rakpMessage1, step: "RAKP Message 1")
    }

    private mutating func receiveRAKP2(_ message: RAKPMessage2) throws(IPMIError) -> [Action] {
        guard message.messageTag == messageTag, var exchange = keyExchange else { return [] }
        guard message.status == .noErrors else {
            if message.status == .unauthorizedName, !probingUserAtLowestPrivilege, configuration.privilege > .callback,
               case .awaitingRAKP2 = phase, let index = candidates.firstIndex(where: { $0 == selectedSuite }) {
                probingUserAtLowestPrivilege = true
                return openSession(candidateIndex: index)
            }
            return fail(sessionError(message.status, step: "RAKP Message 1"))
        }
        guard message.remoteConsoleSessionID == remoteConsoleSessionID else { return [] }
        exchange.managedSystemRandom = message.managedSystemRandom
        exchange.managedSystemGUID = message.managedSystemGUID
        keyExchange = exchange
        let passwordMatches = constantTimeEqual(exchange.rakp2AuthenticationCode, message.keyExchangeAuthenticationCode)
        guard passwordMatches, !probingUserAtLowestPrivilege else {
            // Tell the BMC so it frees the half-open session; no retransmission.
            let refusal = RAKPMessage3(
                messageTag: nextMessageTag(),
                status: passwordMatches ? .unauthorizedRole : .invalidIntegrityCheckValue,
                managedSystemSessionID: managedSystemSessionID, keyExchangeAuthenticationCode: []
            )
            let bytes = try IPMI20SessionWrapper.encode(
                payloadType: .rakpMessage3, sessionID: 0, sequenceNumber: 0,
                payload: refusal.encode(), security: .none, iv: []
            )
            let error: IPMIError = passwordMatches
                ? .insufficientPrivilege(
                    detail: "user \"\(usernameString)\" exists but may not open a session at \(configuration.privilege) privilege"
                )
                : .wrongPassword(username: usernameString)
            return [.send(bytes)] + fail(error)
        }
        let rakp3 = RAKPMessage3(
            messageTag: nextMessageTag(), status: .noErrors,
            managedSystemSessionID: managedSystemSessionID,
            keyExchangeAuthenticationCode: exchange.rakp3AuthenticationCode
        )
        enter(.awaitingRAKP4)
        return transmitHandshake(rakp3.encode(), type: .rakpMessage3, step: "RAKP Message 3")
    }

    private mutating func receiveRAKP4(_ message: RAKPMessage4) throws(IPMIError) -> [Action] {
        guard message.messageTag == messageTag, let exchange = keyExchange, let suite = selectedSuite else { return [] }
        guard message.status == .noErrors else {
            return fail(sessionError(message.status, step: "RAKP Message 3"))
        }
        guard message.remoteConsoleSessionID == remoteConsoleSessionID else { return [] }
        guard constantTimeEqual(exchange.rakp4IntegrityCheckValue, message.integrityCheckValue) else {
            return fail(.integrityCheckFailed("RAKP Message 4 integrity check value does not match (wrong BMC key Kg?)"))
        }
        security = SessionSecurity(
            integrity: suite.integrity,
            k1: exchange.k1,
            confidentiality: suite.confidentiality == .aesCBC128 ? try AESCBC128(k2: exchange.k2) : nil
        )
        enter(.awaitingSetPrivilege)
        let request = IPMIRequest(
            .application, command: 0x3B, data: [configuration.privilege.rawValue],
            name: "Set Session Privilege Level"
        )
        return transmitSessionRequest(request)
    }

    var usernameString: String {
        String(decoding: configuration.username, as: UTF8.self)
    }

    /// Maps a RAKP / Open Session status to the most specific error.
    func sessionError(_ status: RAKPStatusCode, step: String) -> IPMIError {
        switch status {
        case .unauthorizedName:
            return .unknownUser(username: usernameString)
        case .invalidIntegrityCheckValue:
            return .wrongPassword(username: usernameString)
        case .invalidRole, .unauthorizedRole:
            return .insufficientPrivilege(
                detail: "the BMC refused privilege \(configuration.privilege) for user \"\(usernameString)\" (\(status))"
            )
        default:
            return status.rejectsCipherSuite ? unsupportedSuiteError() : .sessionRejected(status, step: step)
        }
    }
}
