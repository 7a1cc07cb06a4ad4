import RFB

extension GraphicalConsoleError {
    /// A failure to connect or log in to the BMC of `server` at `endpoint`.
    static func login(_ error: any Error, server: String, endpoint: String) -> Self {
        guard let handshake = error as? RFBHandshakeError else {
            return .init(code: "bmc-unreachable",
                         message: "cannot reach the VNC server of \(server) at \(endpoint): \(error)")
        }
        switch handshake {
        case .authenticationFailed(let reason):
            return .init(code: "bmc-auth-failed",
                         message: "the BMC of \(server) rejected the VNC password (\(reason)); check password or passwordFile of \(server)")
        case .passwordRequired:
            return .init(code: "bmc-password-missing",
                         message: "the BMC of \(server) requires a VNC password, but none is configured; set password or passwordFile")
        case .connectionRefused(let reason):
            return .init(code: "bmc-refused", message: "the BMC of \(server) refused the VNC connection: \(reason)")
        case .noSupportedSecurityType, .noSupportedVeNCryptSubtype, .tlsNotSupported, .unsupportedProtocolVersion,
             .unsupportedVeNCryptVersion, .veNCryptRejected:
            return .init(code: "bmc-unsupported", message: "cannot log in to the VNC server of \(server) at \(endpoint): \(handshake)")
        case .timedOut(let seconds):
            return .init(code: "bmc-timeout",
                         message: "the VNC server of \(server) at \(endpoint) did not complete the login within \(seconds) s")
        case .connectionClosed, .connectionFailed:
            return .init(code: "bmc-unreachable", message: "the VNC server of \(server) at \(endpoint): \(handshake)")
        default:
            return .init(code: "bmc-protocol-error",
                         message: "the VNC server of \(server) at \(endpoint) sent invalid RFB during login: \(handshake)")
        }
    }

    /// Why an established session on `server` ended.
    static func session(_ error: RFBSessionError, server: String) -> Self {
        switch error {
        case .viewerHandshakeFailed, .viewerProtocolError, .viewerFailed:
            .init(code: "viewer-protocol-error", message: "graphical session on \(server): \(error)")
        case .idleTimeout:
            .init(code: "idle-timeout", message: "graphical session on \(server): \(error)")
        case .bmcClosed:
            .init(code: "bmc-closed", message: "graphical session on \(server): \(error)")
        case .bmcFailed:
            .init(code: "bmc-unreachable", message: "graphical session on \(server): \(error)")
        }
    }
}
