/// The server side of the RFB handshake, presented by the agent to the viewer: it announces
/// RFB 3.8, accepts 3.3/3.7/3.8 clients, offers only security type None (the agent has already
/// authenticated to the BMC), reads ClientInit and replays the BMC's cached ServerInit.
///
/// A pure state machine: send `start()`'s bytes first, then feed the viewer's bytes to
/// `receive(_:)` and perform the returned actions in order.
public struct RFBServerHandshake: Sendable {
    private let serverInit: RFBServerInit
    private var state: State = .notStarted
    private var input = RFBByteQueue()
    private var version: RFBProtocolVersion = .v3_8
    /// The state in which `receive(_:)` failed, to shape `rejection(for:)`.
    private var rejectionContext: State?
    /// Replies produced by the failing `receive(_:)` call before it threw.
    private var unsentBeforeFailure: [UInt8] = []

    /// - Parameter serverInit: the BMC's ServerInit; its `rawBytes` are sent unchanged.
    public init(serverInit: RFBServerInit) {
        self.serverInit = serverInit
    }

    /// Whether `.completed` has been returned.
    public var isCompleted: Bool { state == .completed }

    /// What the handshake is waiting for, for diagnostics.
    public var currentStep: String { state.step }

    /// The server's first message, `"RFB 003.008\n"`. Call once, before `receive(_:)`.
    public mutating func start() throws(RFBHandshakeError) -> [Action] {
        guard state == .notStarted else { throw .invalidState("start() called twice") }
        state = .awaitingProtocolVersion
        return [.send(RFBProtocolVersion.v3_8.banner)]
    }

    /// Feeds bytes received from the viewer.
    /// - Returns: the actions to perform, in order; empty while more bytes are needed.
    /// - Throws: `RFBHandshakeError` for an unsupported version, a security type other than
    ///   None, or malformed input. Send `rejection(for:)` before closing, then close.
    public mutating func receive(_ bytes: some Sequence<UInt8>) throws(RFBHandshakeError) -> [Action] {
        switch state {
        case .notStarted: throw .invalidState("receive(_:) called before start()")
        case .completed: throw .invalidState("received bytes after the handshake completed")
        case .failed: throw .invalidState("received bytes after the handshake failed")
        default: break
        }
        input.append(contentsOf: bytes)
        var actions: [Action] = []
        do throws(RFBHandshakeError) {
            while let produced = try step() {
                actions += produced
            }
        } catch {
            rejectionContext = state
            unsentBeforeFailure = actions.flatMap { action -> [UInt8] in
                if case .send(let bytes) = action { return bytes }
                return []
            }
            state = .failed
            throw error
        }
        return actions
    }

    /// Bytes to send to the viewer before closing after `receive(_:)` threw: replies produced
    /// earlier in the failing call (the input may have held several steps), then, for RFB 3.8
    /// after the security type list, a failed SecurityResult whose reason the viewer can show.
    public func rejection(for error: RFBHandshakeError) -> [UInt8] {
        guard rejectionContext == .awaitingSecurityChoice, version == .v3_8 else { return unsentBeforeFailure }
        let reason = Array(error.description.utf8)
        var bytes = unsentBeforeFailure
        bytes.appendBigEndian(UInt32(1))
        bytes.appendBigEndian(UInt32(truncatingIfNeeded: reason.count))
        return bytes + reason
    }

    private mutating func step() throws(RFBHandshakeError) -> [Action]? {
        switch state {
        case .awaitingProtocolVersion: try readProtocolVersion()
        case .awaitingSecurityChoice: try readSecurityChoice()
        case .awaitingClientInit: readClientInit()
        case .notStarted, .completed, .failed: nil
        }
    }

    private mutating func readProtocolVersion() throws(RFBHandshakeError) -> [Action]? {
        guard let banner = input.take(RFBProtocolVersion.bannerLength) else { return nil }
        guard let (major, minor) = RFBProtocolVersion.parseBanner(banner) else {
            throw .malformedProtocolVersion(banner)
        }
        guard let negotiated = RFBProtocolVersion.serverVersion(forClient: major, minor: minor) else {
            throw .unsupportedProtocolVersion(major: major, minor: minor)
        }
        version = negotiated
        if negotiated == .v3_3 {
            state = .awaitingClientInit
            var securityType: [UInt8] = []
            securityType.appendBigEndian(UInt32(RFBSecurityType.none.rawValue))
            return [.send(securityType)]
        }
        state = .awaitingSecurityChoice
        return [.send([1, RFBSecurityType.none.rawValue])]
    }

    private mutating func readSecurityChoice() throws(RFBHandshakeError) -> [Action]? {
        guard let bytes = input.take(1) else { return nil }
        let chosen = RFBSecurityType(rawValue: bytes[0])
        guard chosen == .none else { throw .unexpectedSecurityType(chosen) }
        state = .awaitingClientInit
        // RFB 3.8 confirms None with a SecurityResult; 3.7 does not.
        return version == .v3_8 ? [.send([0, 0, 0, 0])] : []
    }

    private mutating func readClientInit() -> [Action]? {
        guard let bytes = input.take(1) else { return nil }
        state = .completed
        let completion = Completion(version: version, sharedFlag: bytes[0] != 0, trailingBytes: input.takeAll())
        return [.send(serverInit.rawBytes), .completed(completion)]
    }
}
