/// The server side of an RFB handshake that can only fail: the agent could not log in to the
/// BMC, so it tells the viewer why, in the form the viewer's version understands.
///
/// - RFB 3.8: offers security type None, then answers the viewer's choice with a failed
///   SecurityResult and the reason (viewers show it as an authentication failure).
/// - RFB 3.7: an empty security type list and the reason (RFC 6143 7.1.2).
/// - RFB 3.3: security type 0 (invalid) and the reason.
///
/// A pure state machine: send `start()`'s bytes, feed the viewer's bytes to `receive(_:)`,
/// send what it returns, and close once `isFinished`.
public struct RFBServerRejection: Sendable {
    private let reason: [UInt8]
    private var input = RFBByteQueue()
    private var state = State.awaitingProtocolVersion

    private enum State: Sendable, Hashable {
        case awaitingProtocolVersion
        case awaitingSecurityChoice
        case finished
    }

    /// - Parameter reason: the text the viewer shows; keep it free of secrets.
    public init(reason: String) {
        self.reason = Array(reason.utf8)
    }

    /// Whether the rejection has been sent in full; close the connection then.
    public var isFinished: Bool { state == .finished }

    /// The server's ProtocolVersion, `"RFB 003.008\n"`.
    public func start() -> [UInt8] {
        RFBProtocolVersion.v3_8.banner
    }

    /// Feeds bytes received from the viewer.
    /// - Returns: bytes to send to the viewer (possibly empty while more input is needed).
    /// - Throws: `RFBHandshakeError` when the viewer's ProtocolVersion is invalid; there is
    ///   nothing more to send then.
    public mutating func receive(_ bytes: some Sequence<UInt8>) throws(RFBHandshakeError) -> [UInt8] {
        input.append(contentsOf: bytes)
        switch state {
        case .awaitingProtocolVersion:
            guard let banner = input.take(RFBProtocolVersion.bannerLength) else { return [] }
            guard let (major, minor) = RFBProtocolVersion.parseBanner(banner) else {
                state = .finished
                throw .malformedProtocolVersion(banner)
            }
            guard let version = RFBProtocolVersion.serverVersion(forClient: major, minor: minor) else {
                state = .finished
                throw .unsupportedProtocolVersion(major: major, minor: minor)
            }
            switch version {
            case .v3_3:
                state = .finished
                return [0, 0, 0, 0] + reasonString
            case .v3_7:
                state = .finished
                return [0] + reasonString
            case .v3_8:
                state = .awaitingSecurityChoice
                return [1, RFBSecurityType.none.rawValue] + (try receive([]))
            }
        case .awaitingSecurityChoice:
            guard input.take(1) != nil else { return [] }
            state = .finished
            return [0, 0, 0, 1] + reasonString
        case .finished:
            return []
        }
    }

    /// The reason as an RFB string: a big-endian length, then UTF-8.
    private var reasonString: [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(UInt32(truncatingIfNeeded: reason.count))
        return bytes + reason
    }
}
