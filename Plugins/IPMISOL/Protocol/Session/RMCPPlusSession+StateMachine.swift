extension RMCPPlusSession {
    /// Drives one RMCP+ session: fed events, returns actions. Every message is retransmitted
    /// on timeout up to `maximumAttempts` times; IPMI requests are answered one at a time in
    /// FIFO order.
    struct StateMachine {
        enum Phase: Equatable {
            case idle
            case awaitingAuthenticationCapabilities
            case awaitingCipherSuites(listIndex: UInt8, records: [UInt8])
            case awaitingOpenSession(candidateIndex: Int)
            case awaitingRAKP2
            case awaitingRAKP4
            case awaitingSetPrivilege
            case established
            case closing
            case closed
            case failed(IPMIError)
        }

        /// How an unanswered message is sent again.
        enum Retransmission: Equatable {
            /// Pre-session and handshake messages are resent byte for byte.
            case sameBytes([UInt8])
            /// Session messages get a fresh session sequence number each time.
            case sessionRequest(IPMIRequest, sequence: UInt8)
        }

        struct Outstanding: Equatable {
            var step: String
            var retransmission: Retransmission
            var attempts: Int
            /// The pre-session / session request this answers, if it is an IPMI request.
            var request: IPMIRequest?
            var requestSequence: UInt8?
        }

        let configuration: Configuration
        private(set) var phase: Phase = .idle
        var outstanding: Outstanding?
        var queuedRequests: [IPMIRequest] = []
        var timerToken: UInt64 = 0
        var requestSequence: UInt8 = 0
        var messageTag: UInt8 = 0
        var lastMalformedReason: String?

        // Negotiation state.
        var candidates: [CipherSuite] = []
        var offeredSuiteIDs: [UInt8]?
        var remoteConsoleSessionID: UInt32 = 0
        var managedSystemSessionID: UInt32 = 0
        var keyExchange: RAKPKeyExchange?
        var security: SessionSecurity = .none
        var outboundAuthenticated = OutboundSequenceCounter()
        var outboundUnauthenticated = OutboundSequenceCounter()
        var inboundAuthenticated = SessionSequenceWindow()
        var inboundUnauthenticated = SessionSequenceWindow()

        init(configuration: Configuration) {
            self.configuration = configuration
        }

        var isEstablished: Bool { phase == .established }

        /// The suite proposed in the current (or accepted) Open Session Request.
        var selectedSuite: CipherSuite?
        /// Set after RAKP status 0x0D ("unauthorized name") at the requested privilege: the
        /// handshake is repeated with name-only lookup to tell an unknown user from a user who
        /// lacks the privilege, and then abandoned at RAKP 3 either way.
        var probingUserAtLowestPrivilege = false

        /// ROLEm of RAKP 1: privilege in bits 3:0 with username+privilege lookup (bit 4 clear),
        /// so the BMC never grants more than the account's own limit (ipmi_sim does with
        /// name-only lookup). The diagnostic probe uses name-only lookup.
        var requestedRole: UInt8 {
            probingUserAtLowestPrivilege
                ? configuration.privilege.rawValue | RAKPMessage1.nameOnlyLookup
                : configuration.privilege.rawValue
        }

        mutating func handle(_ event: Event) -> [Action] {
            switch event {
            case .start:
                return start()
            case .datagramReceived(let datagram):
                return receive(datagram)
            case .timerFired(let token):
                guard token == timerToken else { return [] }
                return retransmitOrFail()
            case .sendRequest(let request):
                return enqueue(request)
            case .close:
                return close()
            }
        }

        // MARK: - Sending

        mutating func nextTimer() -> Action {
            timerToken &+= 1
            return .armTimer(token: timerToken, after: configuration.attemptTimeout)
        }

        mutating func nextRequestSequence() -> UInt8 {
            requestSequence = (requestSequence &+ 1) & 0x3F
            return requestSequence
        }

        mutating func nextMessageTag() -> UInt8 {
            messageTag &+= 1
            return messageTag
        }

        /// Sends `bytes` as the new outstanding message of `step` and arms its timer.
        mutating func transmit(
            _ bytes: [UInt8], step: String, retransmission: Retransmission,
            request: IPMIRequest? = nil, requestSequence: UInt8? = nil
        ) -> [Action] {
            outstanding = Outstanding(
                step: step, retransmission: retransmission, attempts: 1,
                request: request, requestSequence: requestSequence
            )
            lastMalformedReason = nil
            return [.send(bytes), nextTimer()]
        }

        /// Sends a pre-session IPMI request in the v1.5 wrapper.
        mutating func transmitSessionless(_ request: IPMIRequest) -> [Action] {
            let sequence = nextRequestSequence()
            let bytes = IPMI15SessionWrapper.encode(message: request.encode(sequence: sequence))
            return transmit(
                bytes, step: request.name, retransmission: .sameBytes(bytes),
                request: request, requestSequence: sequence
            )
        }

        /// Seals a payload for the active session (integrity, confidentiality, sequence).
        mutating func seal(_ payload: [UInt8], type: PayloadType) throws(IPMIError) -> [UInt8] {
            let sequence = security.isAuthenticated ? outboundAuthenticated.take() : outboundUnauthenticated.take()
            let iv = security.isEncrypted ? configuration.randomBytes(AESCBC128.blockSize) : []
            return try IPMI20SessionWrapper.encode(
                payloadType: type, sessionID: managedSystemSessionID, sequenceNumber: sequence,
                payload: payload, security: security, iv: iv
            )
        }

        /// Seals an SOL payload for sending; fails unless the session is established.
        mutating func sealSOL(_ payload: [UInt8]) throws(IPMIError) -> [UInt8] {
            guard phase == .established else {
                throw .closed(reason: "the IPMI session is not established")
            }
            return try seal(payload, type: .sol)
        }

        // MARK: - Timeouts and failure

        mutating func retransmitOrFail() -> [Action] {
            guard var current = outstanding else { return [] }
            guard current.attempts < configuration.maximumAttempts else {
                let error: IPMIError = lastMalformedReason.map { .malformedPacket($0) }
                    ?? .bmcNotAnswering(step: current.step, seconds: configuration.totalSeconds)
                if phase == .closing {
                    return finishClosing()
                }
                return fail(error)
            }
            current.attempts += 1
            outstanding = current
            switch current.retransmission {
            case .sameBytes(let bytes):
                return [.send(bytes), nextTimer()]
            case .sessionRequest(let request, let sequence):
                do {
                    let bytes = try seal(request.encode(sequence: sequence), type: .ipmiMessage)
                    return [.send(bytes), nextTimer()]
                } catch {
                    return fail(error)
                }
            }
        }

        /// Fails the session and every request waiting in it.
        mutating func fail(_ error: IPMIError) -> [Action] {
            var actions: [Action] = []
            if let request = outstanding?.request, phase == .established || phase == .closing {
                actions.append(.requestFailed(request, error))
            }
            for request in queuedRequests {
                actions.append(.requestFailed(request, error))
            }
            queuedRequests = []
            outstanding = nil
            timerToken &+= 1
            phase = .failed(error)
            actions.append(.failed(error))
            return actions
        }

        mutating func enter(_ newPhase: Phase) {
            phase = newPhase
        }
    }
}
