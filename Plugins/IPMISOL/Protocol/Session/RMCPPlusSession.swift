/// The IPMI v2.0 RMCP+ session protocol: discovery, RAKP key exchange and the
/// request/response phase, as a pure state machine (see `RMCPPlusSession.StateMachine`).
enum RMCPPlusSession {
    /// What the session needs to know; no I/O, no clock (timeouts are only durations to
    /// hand back in ``Action/armTimer(token:after:)``).
    struct Configuration: Sendable {
        var username: [UInt8]
        var password: [UInt8]
        var bmcKey: [UInt8]?
        var privilege: PrivilegeLevel
        var cipherSuitePolicy: CipherSuitePolicy
        /// Time to wait for one answer before retransmitting.
        var attemptTimeout: Duration
        /// Transmissions per message, including the first.
        var maximumAttempts: Int
        /// Cryptographically secure random bytes (session IDs, Rm, AES IVs).
        var randomBytes: @Sendable (Int) -> [UInt8]

        /// How long one message is tried in total, for error messages.
        var totalSeconds: Double {
            let components = attemptTimeout.components
            let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
            return (seconds * Double(maximumAttempts) * 1000).rounded() / 1000
        }
    }

    /// The facts of an established session.
    struct Established: Equatable, Sendable {
        var cipherSuite: CipherSuite
        var remoteConsoleSessionID: UInt32
        var managedSystemSessionID: UInt32
        var privilege: PrivilegeLevel
    }

    enum Event: Sendable {
        /// Begin discovery and the RAKP handshake.
        case start
        case datagramReceived([UInt8])
        /// A timer armed by ``Action/armTimer(token:after:)`` expired.
        case timerFired(token: UInt64)
        /// Queue an IPMI request; answered by `deliverResponse` or `requestFailed`.
        case sendRequest(IPMIRequest)
        /// Send Close Session and finish.
        case close
    }

    enum Action: Sendable, Equatable {
        case send([UInt8])
        case armTimer(token: UInt64, after: Duration)
        case established(Established)
        case deliverResponse(IPMIResponse, request: IPMIRequest)
        case requestFailed(IPMIRequest, IPMIError)
        /// An SOL payload (already verified and decrypted) arrived.
        case deliverSOL([UInt8])
        /// The session is unusable; every queued request was failed before this action.
        case failed(IPMIError)
        case closed
    }
}
