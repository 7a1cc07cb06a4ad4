/// The client side of the RFB handshake (RFC 6143 7.1-7.3), run by the agent against the
/// BMC's VNC server, from ProtocolVersion to ServerInit.
///
/// A pure state machine: feed it the bytes the server sends with `receive(_:)` and perform the
/// returned actions in order. It never touches a socket or a clock; timeouts are the caller's.
/// The password is used only to compute the VNC Authentication response and is never emitted.
public struct RFBClientHandshake: Sendable {
    let configuration: Configuration
    var state: State = .awaitingProtocolVersion
    var input = RFBByteQueue()
    var version: RFBProtocolVersion = .v3_8
    var securityType: RFBSecurityType = .invalid
    var veNCryptSubtype: RFBVeNCryptSubtype?

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Whether `.completed` has been returned.
    public var isCompleted: Bool { state == .completed }

    /// What the handshake is waiting for, for diagnostics such as "connection closed while ...".
    public var currentStep: String { state.step }

    /// Feeds bytes received from the server.
    /// - Returns: the actions to perform, in order; empty while more bytes are needed.
    /// - Throws: `RFBHandshakeError` when the server refuses, authentication fails, or the input
    ///   is invalid. After a throw the handshake stays failed.
    public mutating func receive(_ bytes: some Sequence<UInt8>) throws(RFBHandshakeError) -> [Action] {
        switch state {
        case .completed:
            throw .invalidState("received bytes after the handshake completed")
        case .failed:
            throw .invalidState("received bytes after the handshake failed")
        case .awaitingTLS:
            throw .invalidState("received bytes before the TLS session was established")
        default:
            input.append(contentsOf: bytes)
            return try advance()
        }
    }

    /// Reports that the TLS session requested by `.startTLS` is up; continues inside it.
    public mutating func tlsEstablished() throws(RFBHandshakeError) -> [Action] {
        guard case .awaitingTLS(let subtype) = state else {
            throw .invalidState("tlsEstablished() called while \(state.step)")
        }
        state = subtype.usesVNCAuthentication ? .awaitingVNCChallenge : .awaitingSecurityResult
        return try advance()
    }

    /// Runs steps until one needs more input, TLS is requested, or the handshake completes.
    /// Every step that returns actions consumes input or changes state, so the loop ends.
    private mutating func advance() throws(RFBHandshakeError) -> [Action] {
        var actions: [Action] = []
        do throws(RFBHandshakeError) {
            while let produced = try step() {
                actions += produced
            }
        } catch {
            state = .failed
            throw error
        }
        return actions
    }

    private mutating func step() throws(RFBHandshakeError) -> [Action]? {
        switch state {
        case .awaitingProtocolVersion: try readProtocolVersion()
        case .awaitingSecurityTypeList: try readSecurityTypeList()
        case .awaitingServerChosenSecurityType: try readServerChosenSecurityType()
        case .awaitingFailureReason(let kind): try readFailureReason(kind)
        case .awaitingVNCChallenge: try readVNCChallenge()
        case .awaitingVeNCryptVersion: try readVeNCryptVersion()
        case .awaitingVeNCryptVersionAcknowledgement: try readVeNCryptVersionAcknowledgement()
        case .awaitingVeNCryptSubtypes: try readVeNCryptSubtypes()
        case .awaitingVeNCryptSubtypeAcknowledgement(let subtype): try readVeNCryptSubtypeAcknowledgement(subtype)
        case .awaitingSecurityResult: try readSecurityResult()
        case .awaitingServerInit: try readServerInit()
        case .awaitingTLS, .completed, .failed: nil
        }
    }

    private mutating func readProtocolVersion() throws(RFBHandshakeError) -> [Action]? {
        // Fail fast on a peer that is clearly not RFB instead of waiting for 12 bytes.
        let prefix = Array("RFB ".utf8)
        for offset in 0..<min(prefix.count, input.count) where input.byte(at: offset) != prefix[offset] {
            throw .malformedProtocolVersion(input.takeAll())
        }
        guard let banner = input.take(RFBProtocolVersion.bannerLength) else { return nil }
        guard let (major, minor) = RFBProtocolVersion.parseBanner(banner) else {
            throw .malformedProtocolVersion(banner)
        }
        guard let negotiated = RFBProtocolVersion.clientVersion(forServer: major, minor: minor) else {
            throw .unsupportedProtocolVersion(major: major, minor: minor)
        }
        version = negotiated
        state = negotiated == .v3_3 ? .awaitingServerChosenSecurityType : .awaitingSecurityTypeList
        return [.send(negotiated.banner)]
    }

    private mutating func readServerInit() throws(RFBHandshakeError) -> [Action]? {
        guard let serverInit = try RFBServerInit.take(from: &input, maximumNameLength: configuration.maximumNameLength)
        else { return nil }
        state = .completed
        let completion = Completion(
            version: version, securityType: securityType, veNCryptSubtype: veNCryptSubtype,
            serverInit: serverInit, trailingBytes: input.takeAll()
        )
        return [.completed(completion)]
    }

    /// The ClientInit message: just the shared flag.
    var clientInit: [UInt8] { [configuration.sharedSession ? 1 : 0] }
}
