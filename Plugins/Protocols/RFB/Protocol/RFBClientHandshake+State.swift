extension RFBClientHandshake {
    /// Where the handshake is; each case names what is expected next from the server.
    enum State: Sendable, Hashable {
        case awaitingProtocolVersion
        case awaitingSecurityTypeList
        case awaitingServerChosenSecurityType
        case awaitingFailureReason(FailureKind)
        case awaitingVNCChallenge
        case awaitingVeNCryptVersion
        case awaitingVeNCryptVersionAcknowledgement
        case awaitingVeNCryptSubtypes
        case awaitingVeNCryptSubtypeAcknowledgement(RFBVeNCryptSubtype)
        case awaitingTLS(RFBVeNCryptSubtype)
        case awaitingSecurityResult
        case awaitingServerInit
        case completed
        case failed

        /// What a reason string read in `awaitingFailureReason` explains.
        enum FailureKind: Sendable, Hashable {
            case connectionRefused
            case authenticationFailed
        }

        /// Human-readable step, for "connection closed while ..." errors.
        var step: String {
            switch self {
            case .awaitingProtocolVersion: "waiting for the server's ProtocolVersion"
            case .awaitingSecurityTypeList, .awaitingServerChosenSecurityType: "waiting for security types"
            case .awaitingFailureReason: "waiting for the server's failure reason"
            case .awaitingVNCChallenge: "waiting for the VNC Authentication challenge"
            case .awaitingVeNCryptVersion, .awaitingVeNCryptVersionAcknowledgement,
                 .awaitingVeNCryptSubtypes, .awaitingVeNCryptSubtypeAcknowledgement:
                "negotiating VeNCrypt"
            case .awaitingTLS: "waiting for the TLS handshake"
            case .awaitingSecurityResult: "waiting for SecurityResult"
            case .awaitingServerInit: "waiting for ServerInit"
            case .completed: "after the handshake completed"
            case .failed: "after the handshake failed"
            }
        }
    }
}
