import Kernel

extension IPMIError: CodedError {
    /// A stable word per failure, for clients that branch on it.
    public var code: String {
        switch self {
        case .wrongPassword: "bmc-wrong-password"
        case .unknownUser: "bmc-unknown-user"
        case .insufficientPrivilege: "bmc-insufficient-privilege"
        case .unsupportedCipherSuite: "bmc-unsupported-cipher-suite"
        case .bmcNotAnswering: "bmc-not-answering"
        case .completionCode: "bmc-completion-code"
        case .payloadAlreadyActive: "console-busy"
        case .malformedPacket: "bmc-malformed-packet"
        case .sessionRejected: "bmc-session-rejected"
        case .integrityCheckFailed: "bmc-integrity-check-failed"
        case .rmcpPlusNotSupported: "bmc-rmcp-plus-unsupported"
        case .closed: "bmc-session-closed"
        case .invalidConfiguration: "invalid-configuration"
        }
    }

    public var message: String { description }
}
