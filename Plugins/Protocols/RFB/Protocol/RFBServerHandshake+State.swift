extension RFBServerHandshake {
    /// Where the handshake is; each case names what is expected next from the viewer.
    enum State: Sendable, Hashable {
        case notStarted
        case awaitingProtocolVersion
        case awaitingSecurityChoice
        case awaitingClientInit
        case completed
        case failed

        var step: String {
            switch self {
            case .notStarted: "before the handshake started"
            case .awaitingProtocolVersion: "waiting for the viewer's ProtocolVersion"
            case .awaitingSecurityChoice: "waiting for the viewer's security type"
            case .awaitingClientInit: "waiting for ClientInit"
            case .completed: "after the handshake completed"
            case .failed: "after the handshake failed"
            }
        }
    }
}
